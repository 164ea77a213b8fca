package io.bantam.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.RepeatedTest;

class RunningSystemTest {

    @RepeatedTest(20)
    void everyPortOfTheSuitesSystemLiesBelowTheEphemeralRange() {
        int offset = RunningSystem.freeOffset();

        assertThat(Collections.min(RunningSystem.DEFAULT_PORTS) + offset).isGreaterThan(1024);
        assertThat(Collections.max(RunningSystem.DEFAULT_PORTS) + offset)
                .isLessThan(RunningSystem.EPHEMERAL_PORTS_START);
    }
}
