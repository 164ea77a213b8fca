package io.bantam.booking.booking.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.booking.time.TimeRange;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The busy-time query's compact answer, read back exactly. */
class BusyRangesTest {

    @Test
    void readsPairsOfEpochMicroseconds() {
        assertThat(BookingStore.parseRanges("1796112000000000,1796112900000000;1796112934123456,1796113000000001"))
                .containsExactly(
                        new TimeRange(Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T08:15:00Z")),
                        new TimeRange(Instant.parse("2026-12-01T08:15:34.123456Z"),
                                Instant.parse("2026-12-01T08:16:40.000001Z")));
    }

    @Test
    void readsTimesBeforeTheEpoch() {
        assertThat(BookingStore.parseRanges("-1500000,-500000")).containsExactly(new TimeRange(
                Instant.parse("1969-12-31T23:59:58.500Z"), Instant.parse("1969-12-31T23:59:59.500Z")));
    }

    @Test
    void nothingIsNoRanges() {
        assertThat(BookingStore.parseRanges("")).isEmpty();
    }
}
