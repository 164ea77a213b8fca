package io.bantam.local.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bantam.local.LocalSettings;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public door of {@code ./bantam up} (CONTRACT.md, "Operations"; docs/local.md): only the gateway listens beyond
 * loopback, and through its port only the health probes answer under {@code /actuator}; its metrics are on a
 * management port bound to loopback.
 */
@Order(150)
@ExtendWith(RunningSystem.Shared.class)
class PublicDoorIT {

    private static RunningSystem system;

    @BeforeAll
    static void theSystem(RunningSystem running) {
        system = running;
    }

    @Test
    void onlyTheGatewayListensBeyondLoopback() {
        Optional<InetAddress> outward = outwardAddress();
        Assumptions.assumeTrue(outward.isPresent(), "this machine has no address but loopback");
        for (String name : RunningSystem.SERVICES) {
            int port = system.settings().service(name).port();
            assertThatThrownBy(() -> connect(outward.get(), port)).as("%s on %s:%d", name, outward.get(), port)
                    .isInstanceOf(IOException.class);
        }
        LocalSettings.Service gateway = system.settings().service("gateway");
        assertThatThrownBy(() -> connect(outward.get(), gateway.managementPort())).as("the gateway's metrics")
                .isInstanceOf(IOException.class);
        assertThat(canConnect(outward.get(), gateway.port())).as("the gateway on %s", outward.get()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness"})
    void theProbesAnswerThroughTheGatewaysPort(String probe) {
        assertThat(system.gateway().get(probe, null).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator", "/actuator/health", "/actuator/info",
            "/actuator/metrics", "/actuator/env"})
    void nothingElseUnderTheActuatorAnswersThroughTheGatewaysPort(String path) {
        assertThat(system.gateway().get(path, null).status()).isEqualTo(404);
    }

    @Test
    void theGatewaysMetricsAreOnItsManagementPortOnLoopback() throws Exception {
        int management = system.settings().service("gateway").managementPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + management + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    /** An IPv4 address of this machine that is not loopback, if it has one. */
    static Optional<InetAddress> outwardAddress() {
        try {
            List<NetworkInterface> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
            return interfaces.stream()
                    .filter(PublicDoorIT::isUp)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    static boolean canConnect(InetAddress address, int port) {
        try {
            connect(address, port);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
