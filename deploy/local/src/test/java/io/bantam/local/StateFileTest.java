package io.bantam.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    @TempDir
    Path folder;

    @Test
    void recordsProcessesSoThatALaterRunFindsThem() {
        Path file = folder.resolve("bantam.pid");
        StateFile state = new StateFile(file);
        state.record(StateFile.LAUNCHER, ProcessHandle.current());

        Map<String, StateFile.Entry> entries = StateFile.read(file);

        assertThat(entries.get(StateFile.LAUNCHER).pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(entries.get(StateFile.LAUNCHER).live()).contains(ProcessHandle.current());
        state.delete();
        assertThat(file).doesNotExist();
    }

    @Test
    void aRecycledPidIsNotMistakenForTheRecordedProcess() {
        StateFile.Entry recorded = new StateFile.Entry(ProcessHandle.current().pid(),
                Optional.of(Instant.parse("2001-01-01T00:00:00Z")));

        assertThat(recorded.live()).isEmpty();
    }

    @Test
    void stopsServicesLastStartedFirstThenKafkaThenPostgres() {
        Map<String, StateFile.Entry> entries = new java.util.LinkedHashMap<>();
        StateFile.Entry any = StateFile.Entry.parse("1@-");
        entries.put(StateFile.LAUNCHER, any);
        entries.put(StateFile.POSTGRES, any);
        entries.put(StateFile.KAFKA, any);
        entries.put("service.identity", any);
        entries.put("service.gateway", any);

        assertThat(StateFile.stoppingOrder(entries))
                .containsExactly("service.gateway", "service.identity", "kafka", "postgres");
    }
}
