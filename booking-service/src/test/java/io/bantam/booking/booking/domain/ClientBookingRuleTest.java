package io.bantam.booking.booking.domain;

import static java.time.DayOfWeek.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.booking.availability.domain.WeeklyAvailability;
import io.bantam.booking.availability.domain.WeeklyWindow;
import io.bantam.booking.time.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientBookingRuleTest {

    static final WeeklyAvailability MONDAYS = WeeklyAvailability.of(ZoneId.of("Europe/Berlin"),
            List.of(WeeklyWindow.of(MONDAY, "09:00", "17:00")));
    static final Instant BEFORE = Instant.parse("2026-12-01T00:00:00Z");

    static TimeRange utc(String start, String end) {
        return new TimeRange(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void aClientMayBookInsideAWindowInTheFreelancersZone() {
        assertThat(ClientBookingRule.allows(MONDAYS, utc("2026-12-07T08:00:00Z", "2026-12-07T09:00:00Z"), BEFORE))
                .isTrue();
    }

    @Test
    void aClientCannotBookOutsideAvailability() {
        // 09:00 UTC on a winter Monday is 10:00 in Berlin, but 07:00 UTC is 08:00 there, before the window
        assertThat(ClientBookingRule.allows(MONDAYS, utc("2026-12-07T07:00:00Z", "2026-12-07T08:00:00Z"), BEFORE))
                .isFalse();
    }

    @Test
    void summerAndWinterMapTheSameWindowToDifferentUtcTimes() {
        TimeRange sevenUtc = utc("2026-07-06T07:00:00Z", "2026-07-06T08:00:00Z");
        TimeRange sevenUtcInWinter = utc("2026-12-07T07:00:00Z", "2026-12-07T08:00:00Z");

        assertThat(ClientBookingRule.allows(MONDAYS, sevenUtc, Instant.parse("2026-07-01T00:00:00Z"))).isTrue();
        assertThat(ClientBookingRule.allows(MONDAYS, sevenUtcInWinter, BEFORE)).isFalse();
    }

    @Test
    void aClientCannotBookTimeThatHasStarted() {
        TimeRange nine = utc("2026-12-07T08:00:00Z", "2026-12-07T09:00:00Z");

        assertThat(ClientBookingRule.allows(MONDAYS, nine, Instant.parse("2026-12-07T08:00:00Z"))).isFalse();
        assertThat(ClientBookingRule.allows(MONDAYS, nine, Instant.parse("2026-12-07T07:59:59Z"))).isTrue();
    }
}
