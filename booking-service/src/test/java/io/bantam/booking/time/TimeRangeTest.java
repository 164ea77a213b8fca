package io.bantam.booking.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The half-open rule: what overlaps, what only touches. */
class TimeRangeTest {

    static TimeRange range(String start, String end) {
        return new TimeRange(Instant.parse("2026-12-01T" + start + ":00Z"), Instant.parse("2026-12-01T" + end + ":00Z"));
    }

    @Test
    void bookingsThatOnlyTouchDoNotOverlap() {
        assertThat(range("09:00", "10:00").overlaps(range("10:00", "11:00"))).isFalse();
        assertThat(range("10:00", "11:00").overlaps(range("09:00", "10:00"))).isFalse();
    }

    @Test
    void sharingEvenOneMinuteIsAnOverlap() {
        assertThat(range("09:00", "10:01").overlaps(range("10:00", "11:00"))).isTrue();
        assertThat(range("09:00", "12:00").overlaps(range("10:00", "11:00"))).isTrue();
        assertThat(range("10:00", "11:00").overlaps(range("10:00", "11:00"))).isTrue();
    }

    @Test
    void aRangeContainsItsOwnEdgesButNotMore() {
        assertThat(range("09:00", "17:00").contains(range("09:00", "17:00"))).isTrue();
        assertThat(range("09:00", "17:00").contains(range("16:00", "17:01"))).isFalse();
        assertThat(range("09:00", "17:00").contains(range("08:59", "10:00"))).isFalse();
    }

    @Test
    void anEmptyOrBackwardRangeIsRefused() {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        assertThatThrownBy(() -> new TimeRange(at, at)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeRange(at, at.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unionJoinsOverlappingAndTouchingRangesAndKeepsGaps() {
        List<TimeRange> union = TimeRange.union(List.of(range("13:00", "14:00"), range("09:00", "10:00"),
                range("10:00", "11:00"), range("10:30", "10:45"), range("11:30", "12:00")));

        assertThat(union).containsExactly(range("09:00", "11:00"), range("11:30", "12:00"), range("13:00", "14:00"));
    }
}
