package io.bantam.identity.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser sessions (docs/web-session.md): the refresh token in an {@code HttpOnly} cookie for requests that send
 * {@code Bantam-Session: cookie}.
 *
 * @param allowedOrigins browser origins besides the API's own that may use the cookie, exactly as a browser sends
 *     them ({@code https://app.example.com}); the same list as the gateway's CORS origins
 *     ({@code BANTAM_GATEWAY_CORS_ALLOWEDORIGINS}). The origin the request was addressed to (the UI the gateway
 *     serves itself) needs no entry.
 */
@ConfigurationProperties("bantam.identity.browser-session")
public record BrowserSessionProperties(@DefaultValue("http://localhost:5173") List<String> allowedOrigins) {

    public BrowserSessionProperties {
        allowedOrigins = allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    }
}
