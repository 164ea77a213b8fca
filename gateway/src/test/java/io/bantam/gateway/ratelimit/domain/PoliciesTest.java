package io.bantam.gateway.ratelimit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.service.address.AddressRange;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoliciesTest {

    static final Policy WRITES = new Policy("writes", 120, 60);
    static final Policy AUTH = new Policy("auth", 30, 20);
    static final Policy CONNECT = new Policy("connect", 1, 20);
    static final Policies POLICIES = new Policies(WRITES, AUTH, CONNECT);
    static final String USER = "8d3f6d4e-0f7a-4a43-9a0b-3c1f1b7e2a10";
    static final InetAddress CLIENT = ip("203.0.113.7");

    static InetAddress ip(String literal) {
        return AddressRange.literal(literal).orElseThrow();
    }

    @Test
    void failedFeedLookUpsAreCountedPerClientAddressInABudgetOfTheirOwn() {
        Policy lookups = new Policy("lookups", 10, 5);
        Policies policies = new Policies(WRITES, AUTH, CONNECT, lookups);

        assertThat(policies.isSecretLookup("/calendar/abc.ics")).isTrue();
        assertThat(policies.isSecretLookup("/api/calendar/feed")).isFalse();
        assertThat(policies.failedLookups(CLIENT)).isEqualTo(new Bucket(lookups, "lookups:203.0.113.7"));
        assertThat(policies.failedLookups(ip("2001:db8:1:2::9")))
                .isEqualTo(policies.failedLookups(ip("2001:db8:1:2::1")));
        assertThat(policies.bucketsFor("GET", "/calendar/abc.ics", null, CLIENT)).isEmpty();
    }

    @Test
    void writesAreLimitedPerUser() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            assertThat(POLICIES.bucketsFor(method, "/api/tasks/1", USER, CLIENT))
                    .as(method).containsExactly(new Bucket(WRITES, "writes:" + USER));
        }
    }

    @Test
    void readsAreNotLimited() {
        for (String method : List.of("GET", "HEAD", "OPTIONS")) {
            assertThat(POLICIES.bucketsFor(method, "/api/tasks", USER, CLIENT)).as(method).isEmpty();
        }
    }

    @Test
    void aWriteWithoutAUserIsNotLimitedPerUser() {
        // it never gets this far: the gateway refuses it with 401 first
        assertThat(POLICIES.bucketsFor("POST", "/api/tasks", null, CLIENT)).isEmpty();
    }

    @Test
    void onlyTheApiIsLimited() {
        assertThat(POLICIES.bucketsFor("POST", "/actuator/health", USER, CLIENT)).isEmpty();
        assertThat(POLICIES.bucketsFor("POST", "/apis/tasks", USER, CLIENT)).isEmpty();
    }

    @Test
    void authEndpointsAreLimitedPerAddressWhateverTheMethodOrToken() {
        for (String path : List.of("/api/auth/signup", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout")) {
            assertThat(POLICIES.bucketsFor("POST", path, null, CLIENT)).as(path)
                    .containsExactly(new Bucket(AUTH, "auth:203.0.113.7"));
            assertThat(POLICIES.bucketsFor("POST", path, USER, CLIENT)).as(path)
                    .containsExactly(new Bucket(AUTH, "auth:203.0.113.7"));
        }
        assertThat(POLICIES.bucketsFor("GET", "/api/auth/anything", null, CLIENT)).hasSize(1);
        assertThat(POLICIES.bucketsFor("POST", "/api/authority", USER, CLIENT))
                .containsExactly(new Bucket(WRITES, "writes:" + USER));
    }

    @Test
    void connectingToAClientDrawsOnTheConnectBudgetFirstThenOnWrites() {
        assertThat(POLICIES.bucketsFor("POST", "/api/relationships", USER, CLIENT))
                .containsExactly(new Bucket(CONNECT, "connect:" + USER), new Bucket(WRITES, "writes:" + USER));
        assertThat(POLICIES.bucketsFor("DELETE", "/api/relationships/42", USER, CLIENT))
                .containsExactly(new Bucket(WRITES, "writes:" + USER));
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertThat(POLICIES.bucketsFor("POST", "/api/auth/login", null, ip("2001:db8:1:2:aaaa::1")))
                .containsExactly(new Bucket(AUTH, "auth:2001:db8:1:2::/64"));
        assertThat(Policies.addressKey(ip("2001:db8:1:2:ffff:ffff:ffff:ffff")))
                .isEqualTo(Policies.addressKey(ip("2001:db8:1:2::9")));
        assertThat(Policies.addressKey(ip("2001:db8:1:3::9"))).isNotEqualTo(Policies.addressKey(ip("2001:db8:1:2::9")));
    }

    @Test
    void onlyWritesAndAuthEndpointsMayBeLimitedAtAll() {
        assertThat(POLICIES.mayLimit("POST", "/api/tasks")).isTrue();
        assertThat(POLICIES.mayLimit("GET", "/api/auth/login")).isTrue();
        assertThat(POLICIES.mayLimit("GET", "/api/tasks")).isFalse();
        assertThat(POLICIES.mayLimit("POST", "/actuator/refresh")).isFalse();
    }

    @Test
    void anUnknownClientSharesOneBudget() {
        assertThat(POLICIES.bucketsFor("POST", "/api/auth/login", null, null))
                .containsExactly(new Bucket(AUTH, "auth:unknown"));
    }
}
