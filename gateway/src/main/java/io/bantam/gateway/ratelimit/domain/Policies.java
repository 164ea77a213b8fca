package io.bantam.gateway.ratelimit.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which budgets a request draws on:
 * <ul>
 *   <li>{@code auth}, per client address: anything under {@code /api/auth/} (signup, login, refresh, logout),
 *       the endpoints anyone may call without a token;</li>
 *   <li>{@code connect}, per user: {@code POST /api/relationships}, connecting to a client by email, which
 *       tells a freelancer whether an email belongs to a client account; checked before {@code writes};</li>
 *   <li>{@code writes}, per user (the token's subject): {@code POST}, {@code PUT}, {@code PATCH} and
 *       {@code DELETE} under {@code /api/} with a valid token;</li>
 *   <li>{@code lookups}, per client address: failed look-ups of a secret address ({@code /calendar/<token>.ics}
 *       answered 404). Only failures count: a calendar app polling its feed never runs out, but whoever guesses
 *       at tokens is refused (429) once the budget is spent, right or wrong, until it recovers.</li>
 * </ul>
 * Reads are not limited. An IPv6 client is counted by its /64 network, the block one subscriber usually holds
 * whole, so stepping through addresses of one's own network does not buy a new budget.
 */
public final class Policies {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Policy writes;
    private final Policy auth;
    private final Policy connect;
    private final Policy lookups;

    public Policies(Policy writes, Policy auth, Policy connect) {
        this(writes, auth, connect, new Policy("lookups", auth.perMinute(), auth.burst()));
    }

    public Policies(Policy writes, Policy auth, Policy connect, Policy lookups) {
        this.writes = Objects.requireNonNull(writes, "writes");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.connect = Objects.requireNonNull(connect, "connect");
        this.lookups = Objects.requireNonNull(lookups, "lookups");
    }

    /** Whether the path is a look-up of a secret address, whose failures (404) draw on {@code lookups}. */
    public boolean isSecretLookup(String path) {
        return path.startsWith("/calendar/");
    }

    /** The bucket a client's failed look-ups draw on. */
    public Bucket failedLookups(InetAddress client) {
        return lookups.bucket(addressKey(client));
    }

    /** Whether a request could draw on any budget, before anyone asks who the user is. */
    public boolean mayLimit(String method, String path) {
        return isAuth(path) || (WRITES.contains(method) && path.startsWith("/api/"));
    }

    /**
     * @param method the HTTP method, upper case
     * @param path the request path, as the gateway routes it
     * @param user the authenticated user's id (the token's subject), or null for a caller without a token
     * @param client the client's address, or null when it is not known
     * @return the buckets to draw on, in order; empty when the request is not limited
     */
    public List<Bucket> bucketsFor(String method, String path, String user, InetAddress client) {
        if (isAuth(path)) {
            return List.of(auth.bucket(addressKey(client)));
        }
        if (user == null || !WRITES.contains(method) || !path.startsWith("/api/")) {
            return List.of();
        }
        List<Bucket> buckets = new ArrayList<>(2);
        if (method.equals("POST") && (path.equals("/api/relationships") || path.equals("/api/relationships/"))) {
            buckets.add(connect.bucket(user));
        }
        buckets.add(writes.bucket(user));
        return List.copyOf(buckets);
    }

    private static boolean isAuth(String path) {
        return path.equals("/api/auth") || path.startsWith("/api/auth/");
    }

    /** An IPv4 address as it is; an IPv6 address as its /64 network ({@code 2001:db8:1:2::/64}). */
    static String addressKey(InetAddress client) {
        if (client == null) {
            return "unknown";
        }
        if (client instanceof Inet6Address) {
            byte[] bytes = client.getAddress();
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
            }
            return network.append(":/64").toString();
        }
        return client.getHostAddress();
    }
}
