package io.bantam.service.security;

import io.bantam.service.problem.ApiException;
import java.util.UUID;

/**
 * The authenticated caller, taken from the validated access token. Declare it as a controller method
 * parameter and service-defaults fills it in.
 *
 * @param id the user id (the token's subject)
 * @param role the user's role (the token's {@code role} claim)
 * @param token the raw access token, to pass on to another service when one must be called
 */
public record CurrentUser(UUID id, Role role, String token) {

    public boolean is(Role expected) {
        return role == expected;
    }

    /** Refuses with 403 {@code role.forbidden} unless the caller has the given role. */
    public CurrentUser require(Role expected) {
        if (role != expected) {
            throw ApiException.forbidden("Only a " + expected.name().toLowerCase() + " may do this.");
        }
        return this;
    }

    @Override
    public String toString() {
        return "CurrentUser[id=" + id + ", role=" + role + "]";
    }
}
