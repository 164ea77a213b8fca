package io.bantam.gateway.edge;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which browser origins may call the API through the gateway. Methods, request and exposed headers are the
 * API's and fixed ({@link CorsFilter}); what differs between places is who the web UI is.
 *
 * @param allowedOrigins origins allowed to call, exactly as a browser sends them ({@code https://app.example.com},
 *     no path, no trailing slash); comma-separated in the environment ({@code BANTAM_GATEWAY_CORS_ALLOWEDORIGINS}).
 *     The default is the Vite dev server of {@code web/}; the UI the gateway serves itself is same-origin and needs
 *     none.
 * @param maxAge how long a browser may keep a preflight's answer
 */
@ConfigurationProperties("bantam.gateway.cors")
public record CorsProperties(
        @DefaultValue("http://localhost:5173") List<String> allowedOrigins,
        @DefaultValue("1h") Duration maxAge) {
}
