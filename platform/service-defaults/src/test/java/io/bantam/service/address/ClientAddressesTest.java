package io.bantam.service.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final ClientAddresses BEHIND_LOOPBACK_GATEWAY = new ClientAddresses(List.of(
            AddressRange.parse("127.0.0.0/8"), AddressRange.parse("::1")));

    private static InetAddress ip(String literal) {
        return AddressRange.literal(literal).orElseThrow();
    }

    @Test
    void directClientIsItsPeerAddress() {
        assertThat(BEHIND_LOOPBACK_GATEWAY.resolve(ip("203.0.113.7"), List.of())).isEqualTo("203.0.113.7");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        assertThat(BEHIND_LOOPBACK_GATEWAY.resolve(ip("203.0.113.7"), List.of("198.51.100.1")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void trustedProxyForwardsTheLastEntryTheOneItAppended() {
        assertThat(BEHIND_LOOPBACK_GATEWAY.resolve(ip("127.0.0.1"), List.of("10.9.9.9, 198.51.100.1")))
                .isEqualTo("198.51.100.1");
        assertThat(BEHIND_LOOPBACK_GATEWAY.resolve(ip("::1"), List.of("10.9.9.9", "198.51.100.2")))
                .isEqualTo("198.51.100.2");
    }

    @Test
    void garbageOrHostNamesInForwardedForFallBackToThePeer() {
        assertThat(BEHIND_LOOPBACK_GATEWAY.resolve(ip("127.0.0.1"), List.of("evil.example.com")))
                .isEqualTo("127.0.0.1");
        assertThat(BEHIND_LOOPBACK_GATEWAY.resolve(ip("127.0.0.1"), List.of("1.2.3.4, ")))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void behindAnIngressAndTheGatewayTheClientIsTheFirstUntrustedHopFromTheRight() {
        ClientAddresses cluster = new ClientAddresses(List.of(AddressRange.parse("10.0.0.0/8")));

        // client -> ingress (10.1.0.5) -> gateway (10.2.0.7) -> identity: the ingress appended the client,
        // the gateway appended the ingress; what the client claimed sits further left and is not believed
        assertThat(cluster.resolve(ip("10.2.0.7"), List.of("192.0.2.66, 203.0.113.9, 10.1.0.5")))
                .isEqualTo("203.0.113.9");
        assertThat(cluster.resolve(ip("10.2.0.7"), List.of("10.1.0.5"))).isEqualTo("10.1.0.5");
    }

    @Test
    void ipv6ClientsAreForwardedToo() {
        assertThat(BEHIND_LOOPBACK_GATEWAY.resolve(ip("127.0.0.1"), List.of("2001:db8::1")))
                .isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void anUnknownPeerIsNoAddress() {
        assertThat(BEHIND_LOOPBACK_GATEWAY.client(null, List.of("198.51.100.1"))).isEmpty();
        assertThat(BEHIND_LOOPBACK_GATEWAY.resolve(null, List.of("198.51.100.1"))).isEqualTo("unknown");
    }

    @Test
    void trustedProxiesCanBeGivenAsText() {
        ClientAddresses cluster = ClientAddresses.trusting(List.of("10.0.0.0/8", "fd00::/8"));

        assertThat(cluster.client(ip("fd00::7"), List.of("203.0.113.9"))).contains(ip("203.0.113.9"));
        assertThatThrownBy(() -> ClientAddresses.trusting(List.of("ingress.internal")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cidrRangesMatchByPrefix() {
        AddressRange tenSlashEight = AddressRange.parse("10.0.0.0/8");
        AddressRange slash20 = AddressRange.parse("172.16.16.0/20");

        assertThat(tenSlashEight.contains(ip("10.255.1.2"))).isTrue();
        assertThat(tenSlashEight.contains(ip("11.0.0.1"))).isFalse();
        assertThat(slash20.contains(ip("172.16.31.255"))).isTrue();
        assertThat(slash20.contains(ip("172.16.32.0"))).isFalse();
        assertThat(AddressRange.parse("fd00::/8").contains(ip("fd12:3456::1"))).isTrue();
        assertThat(AddressRange.parse("fd00::/8").contains(ip("10.0.0.1"))).isFalse();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(ip("8.8.8.8"))).isTrue();
    }

    @Test
    void rangesMustBeLiteralsWithASensiblePrefix() {
        assertThatThrownBy(() -> AddressRange.parse("gateway.internal")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
