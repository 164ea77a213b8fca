package io.bantam.booking.support;

import io.bantam.testing.TestTokens;
import java.util.UUID;

/** A user of the test, with a valid access token. */
public record User(UUID id, String role, String token) {

    public static User freelancer() {
        return of("FREELANCER");
    }

    public static User client() {
        return of("CLIENT");
    }

    private static User of(String role) {
        UUID id = UUID.randomUUID();
        return new User(id, role, TestTokens.token(id, role));
    }

    @Override
    public String toString() {
        return role + " " + id;
    }
}
