package io.bantam.booking.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Where a wall-clock time lands on the time line, daylight-saving changes included.
 *
 * <p>The one rule: <b>a local date and time means the first instant at which a clock in that zone shows that
 * date and time or later.</b> For an ordinary time that is simply the instant it names. At the two kinds of
 * daylight-saving change it reads:
 * <ul>
 *   <li><b>Nonexistent</b> (the clock jumps forward, e.g. 02:00–03:00 on the last Sunday of March in
 *       Europe/Berlin): the instant of the jump, when the clock goes from 01:59:59 straight to 03:00.
 *       02:30 means 03:00 CEST (01:00Z).</li>
 *   <li><b>Ambiguous</b> (the clock falls back, e.g. 02:00–03:00 happens twice on the last Sunday of October
 *       in Europe/Berlin): the first time the clock shows it, i.e. the earlier offset. 02:30 means 02:30 CEST
 *       (00:30Z), not 02:30 CET.</li>
 * </ul>
 * The rule is monotone (a later wall time never lands earlier), so a window keeps its order, a window made
 * only of nonexistent time becomes empty, and a window cut in two at any wall time gives two windows that
 * touch exactly: nothing is lost or counted twice.
 */
public final class WallClock {

    private WallClock() {
    }

    /** The first instant at which a clock in {@code zone} shows {@code local} or later. */
    public static Instant firstInstantShowing(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) {
            return local.toInstant(offsets.get(0));
        }
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (offsets.isEmpty()) {
            // a gap: the clock jumps over this time at the transition
            return transition.getInstant();
        }
        // an overlap: the earlier of the two instants is the one with the offset before the transition
        return local.toInstant(transition.getOffsetBefore());
    }
}
