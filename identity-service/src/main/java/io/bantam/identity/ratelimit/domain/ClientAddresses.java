package io.bantam.identity.ratelimit.domain;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is, for per-address limits. {@code X-Forwarded-For} is believed only when the direct peer is
 * a trusted proxy (the gateway), and then only its last entry: the one the gateway appended. Entries before it
 * come from the client and can say anything.
 */
public final class ClientAddresses {

    private final List<AddressRange> trustedProxies;

    public ClientAddresses(List<AddressRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * @param peer the address the connection comes from, or null when unknown
     * @param forwardedFor every {@code X-Forwarded-For} header value, in order
     */
    public String resolve(InetAddress peer, List<String> forwardedFor) {
        if (peer == null) {
            return "unknown";
        }
        if (isTrusted(peer)) {
            Optional<InetAddress> forwarded = lastEntry(forwardedFor).flatMap(AddressRange::literal);
            if (forwarded.isPresent()) {
                return forwarded.get().getHostAddress();
            }
        }
        return peer.getHostAddress();
    }

    private boolean isTrusted(InetAddress peer) {
        return trustedProxies.stream().anyMatch(range -> range.contains(peer));
    }

    private static Optional<String> lastEntry(List<String> headerValues) {
        if (headerValues == null || headerValues.isEmpty()) {
            return Optional.empty();
        }
        String last = headerValues.get(headerValues.size() - 1);
        int comma = last.lastIndexOf(',');
        String entry = (comma < 0 ? last : last.substring(comma + 1)).strip();
        return entry.isEmpty() ? Optional.empty() : Optional.of(entry);
    }
}
