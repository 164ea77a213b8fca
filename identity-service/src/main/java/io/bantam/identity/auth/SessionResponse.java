package io.bantam.identity.auth;

import io.bantam.identity.user.web.UserResponse;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The contract's {@code Session}; {@code expiresIn} is the access token's lifetime in seconds. In a browser
 * session the refresh token is a cookie, never readable by page scripts, and {@code refreshToken} is null.
 */
record SessionResponse(
        UserResponse user,
        String accessToken,
        @Schema(types = {"string", "null"},
                description = "null in a browser session (`Bantam-Session: cookie`): the `bantam_refresh` cookie "
                        + "holds it")
        String refreshToken,
        String tokenType,
        long expiresIn) {

    static final String BEARER = "Bearer";

    static SessionResponse of(Session session) {
        return new SessionResponse(UserResponse.of(session.user()), session.accessToken().value(),
                session.refreshToken().value(), BEARER, session.accessToken().validFor().toSeconds());
    }

    static SessionResponse withoutRefreshToken(Session session) {
        return new SessionResponse(UserResponse.of(session.user()), session.accessToken().value(), null, BEARER,
                session.accessToken().validFor().toSeconds());
    }

    @Override
    public String toString() {
        return "SessionResponse[user=" + user.id() + "]";
    }
}
