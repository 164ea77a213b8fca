package io.bantam.booking.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The documented rule for local times at daylight-saving changes: the first instant the clock shows that time
 * or later. A nonexistent time is the instant of the jump; an ambiguous time is its first occurrence.
 */
class WallClockTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    static Instant resolve(String local, ZoneId zone) {
        return WallClock.firstInstantShowing(LocalDateTime.parse(local), zone);
    }

    @Test
    void anOrdinaryTimeIsTheInstantItNames() {
        assertThat(resolve("2026-07-06T09:00", BERLIN)).isEqualTo("2026-07-06T07:00:00Z");
        assertThat(resolve("2026-12-07T09:00", BERLIN)).isEqualTo("2026-12-07T08:00:00Z");
        assertThat(resolve("2026-12-07T09:00", KOLKATA)).isEqualTo("2026-12-07T03:30:00Z");
    }

    @Test
    void aTimeInTheBerlinSpringGapIsTheInstantTheClockJumps() {
        // 2026-03-29: 02:00 CET -> 03:00 CEST at 01:00Z
        assertThat(resolve("2026-03-29T02:00", BERLIN)).isEqualTo("2026-03-29T01:00:00Z");
        assertThat(resolve("2026-03-29T02:30", BERLIN)).isEqualTo("2026-03-29T01:00:00Z");
        assertThat(resolve("2026-03-29T02:59", BERLIN)).isEqualTo("2026-03-29T01:00:00Z");
        assertThat(resolve("2026-03-29T03:00", BERLIN)).isEqualTo("2026-03-29T01:00:00Z");
        assertThat(resolve("2026-03-29T01:59", BERLIN)).isEqualTo("2026-03-29T00:59:00Z");
    }

    @Test
    void aTimeInTheBerlinAutumnOverlapIsItsFirstOccurrence() {
        // 2026-10-25: 03:00 CEST -> 02:00 CET at 01:00Z; 02:00-02:59 happens twice
        assertThat(resolve("2026-10-25T02:00", BERLIN)).isEqualTo("2026-10-25T00:00:00Z");
        assertThat(resolve("2026-10-25T02:30", BERLIN)).isEqualTo("2026-10-25T00:30:00Z");
        assertThat(resolve("2026-10-25T03:00", BERLIN)).isEqualTo("2026-10-25T02:00:00Z");
    }

    @Test
    void newYorkFollowsTheSameRuleInBothDirections() {
        // 2026-03-08: 02:00 EST -> 03:00 EDT at 07:00Z
        assertThat(resolve("2026-03-08T02:30", NEW_YORK)).isEqualTo("2026-03-08T07:00:00Z");
        assertThat(resolve("2026-03-08T03:00", NEW_YORK)).isEqualTo("2026-03-08T07:00:00Z");
        // 2026-11-01: 02:00 EDT -> 01:00 EST at 06:00Z; 01:00-01:59 happens twice
        assertThat(resolve("2026-11-01T01:30", NEW_YORK)).isEqualTo("2026-11-01T05:30:00Z");
        assertThat(resolve("2026-11-01T02:00", NEW_YORK)).isEqualTo("2026-11-01T07:00:00Z");
    }

    @Test
    void laterWallTimesNeverLandEarlier() {
        Instant previous = Instant.MIN;
        for (LocalDateTime local = LocalDateTime.parse("2026-10-24T22:00");
                local.isBefore(LocalDateTime.parse("2026-10-25T05:00")); local = local.plusMinutes(1)) {
            Instant resolved = WallClock.firstInstantShowing(local, BERLIN);
            assertThat(resolved).isAfterOrEqualTo(previous);
            previous = resolved;
        }
    }
}
