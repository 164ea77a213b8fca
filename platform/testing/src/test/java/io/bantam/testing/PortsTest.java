package io.bantam.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aPortSomeoneListensOnIsNeitherFreeNorSilent() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            assertThat(Ports.isListening(port)).isTrue();
            assertThat(Ports.isFree(port)).isFalse();
        }
    }

    @Test
    void aFreePortIsFreeAndSilent() {
        int port = Ports.freePort();
        assertThat(Ports.isFree(port)).isTrue();
        assertThat(Ports.isListening(port)).isFalse();
    }
}
