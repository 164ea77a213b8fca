package io.bantam.booking.booking.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.booking.rules.domain.HeldTime;
import io.bantam.booking.time.TimeRange;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The busy-time query's compact answer (start, end in epoch microseconds; buffers in minutes), read back exactly. */
class BusyRangesTest {

    @Test
    void readsEpochMicrosecondsAndBuffers() {
        assertThat(BookingStore.parseHeld("1796112000000000,1796112900000000,0,15;1796112934123456,1796113000000001,240,0"))
                .containsExactly(
                        new HeldTime(new TimeRange(Instant.parse("2026-12-01T08:00:00Z"),
                                Instant.parse("2026-12-01T08:15:00Z")), 0, 15),
                        new HeldTime(new TimeRange(Instant.parse("2026-12-01T08:15:34.123456Z"),
                                Instant.parse("2026-12-01T08:16:40.000001Z")), 240, 0));
    }

    @Test
    void readsTimesBeforeTheEpoch() {
        assertThat(BookingStore.parseHeld("-1500000,-500000,5,10")).containsExactly(new HeldTime(new TimeRange(
                Instant.parse("1969-12-31T23:59:58.500Z"), Instant.parse("1969-12-31T23:59:59.500Z")), 5, 10));
    }

    @Test
    void nothingIsNoRanges() {
        assertThat(BookingStore.parseHeld("")).isEmpty();
    }
}
