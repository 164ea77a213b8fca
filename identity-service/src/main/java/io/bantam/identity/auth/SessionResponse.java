package io.bantam.identity.auth;

import io.bantam.identity.user.web.UserResponse;

/** The contract's {@code Session}; {@code expiresIn} is the access token's lifetime in seconds. */
record SessionResponse(UserResponse user, String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static final String BEARER = "Bearer";

    static SessionResponse of(Session session) {
        return new SessionResponse(UserResponse.of(session.user()), session.accessToken().value(),
                session.refreshToken().value(), BEARER, session.accessToken().validFor().toSeconds());
    }

    @Override
    public String toString() {
        return "SessionResponse[user=" + user.id() + "]";
    }
}
