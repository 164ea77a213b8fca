package io.bantam.identity.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bantam.service.security.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private static User ada() {
        return User.register(UUID.randomUUID(), "  Ada@Example.com ", "Ada Lovelace", Role.CLIENT,
                ZoneId.of("Europe/London"), NOW);
    }

    @Test
    void newUserKeepsTheEmailAsTypedButTrimmedAndHasNoOptionalFields() {
        User user = ada();

        assertThat(user.email()).isEqualTo("Ada@Example.com");
        assertThat(user.phone()).isNull();
        assertThat(user.preferredName()).isNull();
        assertThat(user.pronouns()).isNull();
        assertThat(user.createdAt()).isEqualTo(NOW);
    }

    @Test
    void emailsCompareCaseInsensitively() {
        assertThat(Emails.canonical(" Ada@Example.COM")).isEqualTo(Emails.canonical("ada@example.com"));
    }

    @Test
    void emptyChangeChangesNothing() {
        User user = ada();

        assertThat(user.apply(ProfileChange.none())).isEqualTo(user);
    }

    @Test
    void changeSetsOnlyTheFieldsItNames() {
        User user = ada();

        User changed = user.apply(ProfileChange.none()
                .withName("Ada King")
                .withTimeZone(ZoneId.of("Europe/Berlin"))
                .withPhone("+44 20 7946 0000"));

        assertThat(changed.name()).isEqualTo("Ada King");
        assertThat(changed.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(changed.phone()).isEqualTo("+44 20 7946 0000");
        assertThat(changed.preferredName()).isNull();
        assertThat(changed).usingRecursiveComparison()
                .ignoringFields("name", "timeZone", "phone")
                .isEqualTo(user);
    }

    @Test
    void explicitNullClearsAnOptionalField() {
        User withPronouns = ada().apply(ProfileChange.none().withPronouns("she/her").withPreferredName("Ada"));

        User cleared = withPronouns.apply(ProfileChange.none().withPronouns(null));

        assertThat(cleared.pronouns()).isNull();
        assertThat(cleared.preferredName()).isEqualTo("Ada");
    }

    @Test
    void blankOptionalFieldIsStoredAsAbsentAndTextIsTrimmed() {
        User user = ada().apply(ProfileChange.none().withPhone("   ").withPreferredName("  Ada  "));

        assertThat(user.phone()).isNull();
        assertThat(user.preferredName()).isEqualTo("Ada");
    }

    @Test
    void nameAndTimeZoneCannotBeCleared() {
        assertThatThrownBy(() -> ProfileChange.none().withName(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProfileChange.none().withTimeZone(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fieldsOverTheirBoundAreRefused() {
        User user = ada();

        assertThatThrownBy(() -> user.apply(ProfileChange.none().withName("x".repeat(Profile.NAME_MAX + 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> user.apply(ProfileChange.none().withPronouns("x".repeat(Profile.PRONOUNS_MAX + 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyIanaRegionIdsAreTimeZones() {
        assertThat(TimeZones.isValid("Europe/Berlin")).isTrue();
        assertThat(TimeZones.isValid("UTC")).isTrue();
        assertThat(TimeZones.isValid("+01:00")).isFalse();
        assertThat(TimeZones.isValid("Mars/Olympus_Mons")).isFalse();
        assertThat(TimeZones.isValid("europe/berlin")).isFalse();
        assertThat(TimeZones.orDefault(null)).isEqualTo(ZoneId.of("UTC"));
    }
}
