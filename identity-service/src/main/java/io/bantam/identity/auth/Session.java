package io.bantam.identity.auth;

import io.bantam.identity.token.AccessToken;
import io.bantam.identity.token.IssuedRefreshToken;
import io.bantam.identity.user.domain.User;

/** What a signup, login or refresh hands the client. */
record Session(User user, AccessToken accessToken, IssuedRefreshToken refreshToken) {
}
