package io.bantam.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KafkaProcessTest {

    @Test
    void argFileTokensAreQuotedAndEscaped() {
        assertThat(KafkaProcess.quoteForArgFile("/a b/c.jar:/d\\e\"f.jar")).isEqualTo("\"/a b/c.jar:/d\\\\e\\\"f.jar\"");
    }

    @Test
    void addressStaysTheSameForAGivenPort() {
        KafkaProcess kafka = KafkaProcess.builder(Path.of("unused")).port(19092).controllerPort(19093).build();
        assertThat(kafka.bootstrapServers()).isEqualTo("localhost:19092");
        assertThat(kafka.isRunning()).isFalse();
        assertThat(kafka.pid()).isEqualTo(-1);
    }
}
