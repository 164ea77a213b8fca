package io.bantam.gateway.ratelimit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTest {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    /** The store's rule, in memory: allowed when TAT <= now + slack, then TAT = max(TAT, now) + interval. */
    static final class Gcra {

        final Policy policy;
        Instant tat;

        Gcra(Policy policy) {
            this.policy = policy;
        }

        Verdict take(Instant now) {
            if (tat != null && tat.isAfter(now.plus(Duration.ofNanos(policy.slackMicros() * 1000)))) {
                return policy.limited(tat, now);
            }
            Instant from = tat == null || tat.isBefore(now) ? now : tat;
            tat = from.plus(Duration.ofNanos(policy.intervalMicros() * 1000));
            return policy.allowed(tat, now);
        }
    }

    @Test
    void theIntervalIsAMinuteOverTheRateAndTheSlackRoomForTheRestOfTheBurst() {
        Policy writes = new Policy("writes", 120, 60);

        assertThat(writes.intervalMicros()).isEqualTo(500_000);
        assertThat(writes.slackMicros()).isEqualTo(59 * 500_000L);
        assertThat(new Policy("one", 1, 1).slackMicros()).isZero();
    }

    @Test
    void aFullBudgetAllowsTheBurstAtOnceAndCountsDown() {
        Gcra gcra = new Gcra(new Policy("auth", 30, 5));
        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Verdict verdict = gcra.take(NOW);
            assertThat(verdict.allowed()).isTrue();
            remaining.add(verdict.remaining());
        }

        assertThat(remaining).containsExactly(4L, 3L, 2L, 1L, 0L);
        Verdict refused = gcra.take(NOW);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));  // one interval: 60 s / 30
        assertThat(refused.resetSeconds()).isEqualTo(10);                     // five intervals until whole again
    }

    @Test
    void afterTheBurstOneRequestPerIntervalGetsThrough() {
        Gcra gcra = new Gcra(new Policy("writes", 60, 2));
        gcra.take(NOW);
        gcra.take(NOW);

        assertThat(gcra.take(NOW.plusMillis(999)).allowed()).isFalse();
        assertThat(gcra.take(NOW.plusSeconds(1)).allowed()).isTrue();
        assertThat(gcra.take(NOW.plusSeconds(1)).allowed()).isFalse();
        assertThat(gcra.take(NOW.plusSeconds(2)).allowed()).isTrue();
    }

    @Test
    void refusedRequestsCostNothing() {
        Gcra gcra = new Gcra(new Policy("writes", 60, 1));
        gcra.take(NOW);
        for (int i = 0; i < 100; i++) {
            assertThat(gcra.take(NOW.plusMillis(i)).allowed()).isFalse();
        }

        assertThat(gcra.take(NOW.plusSeconds(1)).allowed()).isTrue();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        Policy policy = new Policy("writes", 60, 1);  // interval 1 s, no slack

        assertThat(policy.limited(NOW.plusMillis(1), NOW).retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.limited(NOW.plusMillis(1001), NOW).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.limited(NOW, NOW).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRefusalWhoseStateWasNotVisibleWaitsOneInterval() {
        Verdict verdict = new Policy("connect", 1, 20).limited(null, NOW);

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aBudgetRefillsAtTheRate() {
        Gcra gcra = new Gcra(new Policy("auth", 30, 20));
        for (int i = 0; i < 20; i++) {
            gcra.take(NOW);
        }

        Verdict later = gcra.take(NOW.plusSeconds(20));  // 10 intervals of 2 s later: 10 back, one taken now
        assertThat(later.allowed()).isTrue();
        assertThat(later.remaining()).isEqualTo(9);
    }

    @Test
    void theKeyNamesThePolicy() {
        assertThat(new Policy("writes", 120, 60).bucket("u-1").key()).isEqualTo("writes:u-1");
    }

    @Test
    void ratesAndBurstsMustBePositive() {
        assertThatThrownBy(() -> new Policy("writes", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Policy("writes", 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStrictestVerdictIsTheFirstRefusalElseTheLeastRemaining() {
        Policy connect = new Policy("connect", 1, 20);
        Policy writes = new Policy("writes", 120, 60);
        Verdict connectAllowed = new Verdict(true, connect, 3, 60, Duration.ZERO);
        Verdict writesAllowed = new Verdict(true, writes, 50, 5, Duration.ZERO);
        Verdict writesRefused = new Verdict(false, writes, 0, 30, Duration.ofSeconds(1));

        assertThat(Verdict.strictest(List.of(connectAllowed, writesAllowed))).isEqualTo(connectAllowed);
        assertThat(Verdict.strictest(List.of(connectAllowed, writesRefused))).isEqualTo(writesRefused);
    }
}
