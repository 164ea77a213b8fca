package io.bantam.booking.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link WallClock}'s rule against its definition, checked by brute force: walk the time line minute by minute
 * and take the first instant whose wall-clock reading is the asked time or later. Local times are drawn close
 * to daylight-saving changes in zones with 1-hour, 30-minute (Lord Howe) and southern-hemisphere changes.
 */
class WallClockProperties {

    static final String[] ZONES = {"Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
            "America/Santiago", "Pacific/Chatham", "Europe/London", "Australia/Sydney", "UTC"};

    record Case(ZoneId zone, LocalDateTime local) {
    }

    @Provide
    Arbitrary<Case> nearChanges() {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
        Arbitrary<Integer> dayOfYear = Arbitraries.integers().between(0, 2 * 365);
        Arbitrary<Integer> minutesAround = Arbitraries.integers().between(-180, 180);
        return Combinators.combine(zones, dayOfYear, minutesAround).as((zone, day, around) -> {
            Instant from = Instant.parse("2025-01-01T00:00:00Z").plus(day, ChronoUnit.DAYS);
            ZoneOffsetTransition next = zone.getRules().nextTransition(from);
            LocalDateTime anchor = next == null ? LocalDateTime.ofInstant(from, zone) : next.getDateTimeBefore();
            return new Case(zone, anchor.plusMinutes(around));
        });
    }

    @Property(tries = 500)
    void aLocalTimeIsTheFirstInstantTheClockShowsItOrLater(@ForAll("nearChanges") Case c) {
        Instant expected = bruteForce(c.local(), c.zone());

        assertThat(WallClock.firstInstantShowing(c.local(), c.zone())).isEqualTo(expected);
    }

    static Instant bruteForce(LocalDateTime local, ZoneId zone) {
        Instant t = local.toInstant(ZoneOffset.ofHours(15));
        while (LocalDateTime.ofInstant(t, zone).isBefore(local)) {
            t = t.plusSeconds(60);
        }
        return t;
    }
}
