package io.bantam.booking.booking.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * An instant as the contract writes it: an ISO-8601 date-time with an offset ({@code 2026-12-01T09:00:00Z},
 * {@code 2026-12-01T10:00:00+01:00}), in the years 0001 to 9999. Jackson alone also reads a JSON number, or a
 * string of digits, as seconds since 1970 (so {@code "start": 12345} booked 1970-01-01T03:25:45Z), and takes
 * years up to +999999999, which no calendar computation or database column can hold (a 500).
 */
public final class RequestInstant {

    static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant MAX = Instant.parse("9999-12-31T00:00:00Z");
    public static final String MESSAGE = "must be a date-time with an offset such as 2026-12-01T09:00:00Z,"
            + " in the years 0001 to 9999";

    private RequestInstant() {
    }

    /** The instant, or a {@link DateTimeException} for anything else. */
    public static Instant parse(String text) {
        Instant instant = OffsetDateTime.parse(text.strip()).toInstant();
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new DateTimeException("out of range: " + text);
        }
        return instant;
    }

    /** For request bodies: only a JSON string, read by {@link #parse}. */
    public static final class Deserializer extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getString();
            try {
                return parse(text);
            } catch (DateTimeException e) {
                throw context.weirdStringException(text, Instant.class, MESSAGE);
            }
        }
    }
}
