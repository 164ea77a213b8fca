package io.bantam.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabasesTest {

    @Test
    void namesAreSnakeCaseIdentifiersThatNeedNoQuoting() {
        assertThat(Databases.uniqueName("SignupPublishesEventIT")).matches("signup_publishes_event_it_\\d+_[a-z0-9]+");
    }

    @Test
    void namesNeverRepeat() {
        assertThat(Databases.uniqueName("Same")).isNotEqualTo(Databases.uniqueName("Same"));
    }

    @Test
    void oddHintsStillGiveValidShortNames() {
        assertThat(Databases.uniqueName("42 $weird-Name")).matches("[a-z][a-z0-9_]*");
        assertThat(Databases.uniqueName(null)).startsWith("test_");
        assertThat(Databases.uniqueName("x".repeat(200))).hasSizeLessThanOrEqualTo(63);
    }
}
