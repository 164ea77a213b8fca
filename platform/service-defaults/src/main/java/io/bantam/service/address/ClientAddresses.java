package io.bantam.service.address;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is, for per-address limits. {@code X-Forwarded-For} is believed only as far as trusted proxies
 * vouch for it: starting from the direct peer, each trusted hop's entry (the one it appended, right to left) is
 * followed, and the first address that is not a trusted proxy is the client. Behind gateway and ingress that
 * is the address the ingress saw; entries further left come from the client and can say anything.
 *
 * <p>Plain Java, shared by the gateway (per-address limits on the public auth endpoints) and identity-service
 * (per-address login limit), so both read the same header the same way.
 */
public final class ClientAddresses {

    private final List<AddressRange> trustedProxies;

    public ClientAddresses(List<AddressRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** From address or CIDR texts ({@code 10.0.0.0/8}, {@code ::1}); an unreadable one fails at once. */
    public static ClientAddresses trusting(List<String> trustedProxies) {
        return new ClientAddresses(trustedProxies.stream().map(AddressRange::parse).toList());
    }

    /**
     * @param peer the address the connection comes from, or null when unknown
     * @param forwardedFor every {@code X-Forwarded-For} header value, in order
     * @return the client's address as text, {@code unknown} when the peer is unknown
     */
    public String resolve(InetAddress peer, List<String> forwardedFor) {
        return client(peer, forwardedFor).map(InetAddress::getHostAddress).orElse("unknown");
    }

    /**
     * @param peer the address the connection comes from, or null when unknown
     * @param forwardedFor every {@code X-Forwarded-For} header value, in order
     * @return the client's address, empty when the peer is unknown
     */
    public Optional<InetAddress> client(InetAddress peer, List<String> forwardedFor) {
        if (peer == null) {
            return Optional.empty();
        }
        InetAddress client = peer;
        List<String> entries = entries(forwardedFor);
        for (int i = entries.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<InetAddress> hop = AddressRange.literal(entries.get(i));
            if (hop.isEmpty()) {
                break;  // a garbled entry: believe no further than the trusted hop that passed it on
            }
            client = hop.get();
        }
        return Optional.of(client);
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    private static List<String> entries(List<String> headerValues) {
        List<String> entries = new ArrayList<>();
        if (headerValues != null) {
            for (String value : headerValues) {
                for (String entry : value.split(",")) {
                    entries.add(entry.strip());
                }
            }
        }
        return entries;
    }
}
