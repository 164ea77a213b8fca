package io.bantam.identity.auth;

import io.bantam.identity.ratelimit.LoginRateLimiter;
import io.bantam.identity.token.AccessTokens;
import io.bantam.identity.token.IssuedRefreshToken;
import io.bantam.identity.token.RefreshTokens;
import io.bantam.identity.token.Rotation;
import io.bantam.identity.user.UserService;
import io.bantam.identity.user.domain.Credentials;
import io.bantam.identity.user.domain.TimeZones;
import io.bantam.identity.user.domain.User;
import io.bantam.service.problem.ApiException;
import io.bantam.service.security.Role;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Signup, login, refresh and logout: each ends in a {@link Session} or in a refusal with a stable code. */
@Service
class AuthService {

    private final UserService users;
    private final PasswordHasher passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginRateLimiter loginLimiter;
    private final TransactionalOperator transaction;

    AuthService(UserService users, PasswordHasher passwords, AccessTokens accessTokens, RefreshTokens refreshTokens,
            LoginRateLimiter loginLimiter, TransactionalOperator transaction) {
        this.users = users;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.loginLimiter = loginLimiter;
        this.transaction = transaction;
    }

    /**
     * Registers the user and logs it in. The password is hashed before the transaction starts (no connection
     * is held during the slow hash); the user, its {@code UserRegistered} event and its first refresh token
     * commit together.
     */
    Mono<Session> signup(String email, String password, String name, Role role, String timeZone) {
        return users.requireEmailFree(email)
                .then(passwords.hash(password))
                .flatMap(hash -> transaction.transactional(
                        users.register(email, hash, name, role, TimeZones.orDefault(timeZone))
                                .flatMap(user -> refreshTokens.open(user.id()).map(refresh -> session(user, refresh)))));
    }

    /**
     * Logs in. An unknown email and a wrong password get the same answer after the same work (a hash check
     * against a dummy hash), so neither the answer nor its timing tells whether the email is registered.
     */
    Mono<Session> login(String email, String password, String clientAddress) {
        return loginLimiter.attempt(email, clientAddress)
                .then(users.credentials(email).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(found -> passwords.verify(password, found.map(Credentials::passwordHash))
                        .flatMap(matches -> matches
                                ? Mono.just(found.get().user())
                                : Mono.<User>error(badCredentials())))
                .flatMap(user -> refreshTokens.open(user.id()).map(refresh -> session(user, refresh)));
    }

    /** Rotates the refresh token. A used one is refused and ends every token of its login. */
    Mono<Session> refresh(String refreshToken) {
        return refreshTokens.rotate(refreshToken).flatMap(rotation -> {
            if (rotation instanceof Rotation.Rotated rotated) {
                return users.get(rotated.userId()).map(user -> session(user, rotated.next()));
            }
            Rotation.Refused refused = (Rotation.Refused) rotation;
            return Mono.error(refused.reused()
                    ? ApiException.unauthorized("auth.refresh-reused",
                            "This refresh token was already used, so every session of its login has been ended."
                                    + " Log in again.")
                    : ApiException.unauthorized("auth.refresh-invalid",
                            "This refresh token is unknown, expired or revoked. Log in again."));
        });
    }

    Mono<Void> logout(String refreshToken) {
        return refreshTokens.revoke(refreshToken);
    }

    private Session session(User user, IssuedRefreshToken refreshToken) {
        return new Session(user, accessTokens.issue(user), refreshToken);
    }

    private static ApiException badCredentials() {
        return ApiException.unauthorized("auth.bad-credentials", "The email or the password is wrong.");
    }
}
