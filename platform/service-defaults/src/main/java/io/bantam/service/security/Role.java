package io.bantam.service.security;

/** What a user is. Carried in the access token's {@code role} claim. */
public enum Role {
    FREELANCER,
    CLIENT
}
