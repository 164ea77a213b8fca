package io.bantam.identity.token;

import java.time.Duration;

/** A signed access token and how long it is valid from now. */
public record AccessToken(String value, Duration validFor) {

    @Override
    public String toString() {
        return "AccessToken[validFor=" + validFor + "]";
    }
}
