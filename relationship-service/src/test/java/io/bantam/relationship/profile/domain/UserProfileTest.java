package io.bantam.relationship.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bantam.service.security.Role;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserProfileTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void aProfileFromIdentitysWords() {
        UserProfile profile = UserProfile.of(UUID.randomUUID(), "ada@example.com", "Ada", "CLIENT", "UTC", null, null,
                null, AT);

        assertThat(profile.role()).isEqualTo(Role.CLIENT);
        assertThat(profile.isClient()).isTrue();
        assertThat(profile.asOf()).isEqualTo(AT);
    }

    @Test
    void onlyAClientAccountIsAClient() {
        assertThat(UserProfile.of(UUID.randomUUID(), "grace@example.com", "Grace", "FREELANCER", "UTC", null, null,
                null, AT).isClient()).isFalse();
    }

    @Test
    void aProfileIsWholeOrNothing() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> UserProfile.of(id, "a@example.com", "Ada", "ADMIN", "UTC", null, null, null, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserProfile.of(id, "a@example.com", "Ada", null, "UTC", null, null, null, AT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> UserProfile.of(id, null, "Ada", "CLIENT", "UTC", null, null, null, AT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> UserProfile.of(id, "a@example.com", "Ada", "CLIENT", "UTC", null, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
