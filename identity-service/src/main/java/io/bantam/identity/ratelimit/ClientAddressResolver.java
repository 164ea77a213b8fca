package io.bantam.identity.ratelimit;

import io.bantam.service.address.ClientAddresses;
import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/** The client's address for per-address limits: the peer, or what a trusted proxy says it forwarded. */
@Component
public class ClientAddressResolver {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final ClientAddresses addresses;

    ClientAddressResolver(LoginRateLimitProperties properties) {
        this.addresses = new ClientAddresses(properties.trustedProxyRanges());
    }

    public String resolve(ServerHttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        List<String> forwarded = request.getHeaders().getOrEmpty(X_FORWARDED_FOR);
        return addresses.resolve(peer == null ? null : peer.getAddress(), forwarded);
    }
}
