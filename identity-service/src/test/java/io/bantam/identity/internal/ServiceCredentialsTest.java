package io.bantam.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceCredentialsTest {

    private static final String CURRENT = "current-service-credential";
    private static final String NEXT = "next-service-credential-0123";

    @Test
    void acceptsExactlyAConfiguredCredential() {
        ServiceCredentials credentials = new ServiceCredentials(List.of(CURRENT));

        assertThat(credentials.enabled()).isTrue();
        assertThat(credentials.accepts(CURRENT)).isTrue();
        assertThat(credentials.accepts(CURRENT.toUpperCase())).isFalse();
        assertThat(credentials.accepts(CURRENT + "x")).isFalse();
        assertThat(credentials.accepts(CURRENT.substring(1))).isFalse();
        assertThat(credentials.accepts("")).isFalse();
        assertThat(credentials.accepts(null)).isFalse();
    }

    @Test
    void acceptsBothCredentialsWhileOneIsRotated() {
        ServiceCredentials credentials = new ServiceCredentials(List.of(CURRENT, " " + NEXT + " "));

        assertThat(credentials.accepts(CURRENT)).isTrue();
        assertThat(credentials.accepts(NEXT)).isTrue();
        assertThat(credentials.accepts("neither-of-the-two-credentials")).isFalse();
    }

    @Test
    void withoutACredentialTheInternalApiIsOffAndAcceptsNothing() {
        ServiceCredentials credentials = new ServiceCredentials(List.of(" ", ""));

        assertThat(credentials.enabled()).isFalse();
        assertThat(credentials.accepts("")).isFalse();
        assertThat(credentials.accepts("anything-at-all-here")).isFalse();
    }

    @Test
    void aShortCredentialIsAConfigurationMistake() {
        assertThatThrownBy(() -> new ServiceCredentials(List.of("secret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 characters");
    }
}
