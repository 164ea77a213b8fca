package io.bantam.identity.ratelimit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FixedWindowTest {

    private static final FixedWindow TEN_PER_QUARTER_HOUR = new FixedWindow(10, Duration.ofMinutes(15));

    @Test
    void windowsAreAlignedOnTheEpochSoEveryReplicaAgrees() {
        Instant now = Instant.parse("2026-12-01T09:07:31.250Z");

        assertThat(TEN_PER_QUARTER_HOUR.startOf(now)).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(TEN_PER_QUARTER_HOUR.endOf(now)).isEqualTo(Instant.parse("2026-12-01T09:15:00Z"));
    }

    @Test
    void windowStartIsInclusiveAndEndExclusive() {
        Instant boundary = Instant.parse("2026-12-01T09:15:00Z");

        assertThat(TEN_PER_QUARTER_HOUR.startOf(boundary)).isEqualTo(boundary);
        assertThat(TEN_PER_QUARTER_HOUR.startOf(boundary.minusMillis(1)))
                .isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    }

    @Test
    void attemptsUpToTheLimitAreAllowed() {
        Instant now = Instant.parse("2026-12-01T09:07:00Z");

        assertThat(TEN_PER_QUARTER_HOUR.decide(1, now).allowed()).isTrue();
        assertThat(TEN_PER_QUARTER_HOUR.decide(10, now).allowed()).isTrue();
    }

    @Test
    void attemptOverTheLimitWaitsUntilTheWindowEnds() {
        Decision decision = TEN_PER_QUARTER_HOUR.decide(11, Instant.parse("2026-12-01T09:07:00Z"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.retryAfter()).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void retryAfterRoundsUpToWholeSecondsAndIsNeverZero() {
        assertThat(TEN_PER_QUARTER_HOUR.decide(11, Instant.parse("2026-12-01T09:14:58.001Z")).retryAfter())
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(TEN_PER_QUARTER_HOUR.decide(11, Instant.parse("2026-12-01T09:14:59.999Z")).retryAfter())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void bothLimitsMustAllowAndTheLongerWaitWins() {
        Decision allowed = Decision.ALLOWED;
        Decision shortWait = Decision.limited(Duration.ofSeconds(30));
        Decision longWait = Decision.limited(Duration.ofSeconds(300));

        assertThat(allowed.and(allowed).allowed()).isTrue();
        assertThat(allowed.and(shortWait)).isEqualTo(shortWait);
        assertThat(longWait.and(shortWait)).isEqualTo(longWait);
        assertThat(shortWait.and(longWait)).isEqualTo(longWait);
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThatThrownBy(() -> new FixedWindow(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixedWindow(5, Duration.ofMillis(10))).isInstanceOf(IllegalArgumentException.class);
    }
}
