package io.bantam.identity.user.domain;

import java.time.ZoneId;
import java.util.Optional;

/** Time zones are IANA region ids ({@code Europe/Berlin}, {@code UTC}); bare offsets such as {@code +01:00} are not. */
public final class TimeZones {

    public static final ZoneId DEFAULT = ZoneId.of("UTC");

    private TimeZones() {
    }

    public static boolean isValid(String id) {
        return id != null && ZoneId.getAvailableZoneIds().contains(id);
    }

    public static Optional<ZoneId> parse(String id) {
        return isValid(id) ? Optional.of(ZoneId.of(id)) : Optional.empty();
    }

    /** The zone for an id that may be absent (then UTC); the id must be valid. */
    public static ZoneId orDefault(String id) {
        if (id == null) {
            return DEFAULT;
        }
        return parse(id).orElseThrow(() -> new IllegalArgumentException("not an IANA time zone: " + id));
    }
}
