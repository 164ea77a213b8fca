package io.bantam.booking.calendar.domain;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Writes bookings as an RFC 5545 calendar with ical4j: {@code VCALENDAR} with {@code PRODID}, {@code VERSION:2.0}
 * and {@code CALSCALE:GREGORIAN}, one {@code VEVENT} per booking; ical4j escapes text. Lines are folded here, at 75
 * octets as RFC 5545 3.1 says (ical4j counts characters, so a line of umlauts or emoji would come out longer),
 * never inside a UTF-8 sequence.
 *
 * <p>{@code DTSTAMP} is the event's last change, not the time of the request: RFC 5545 allows it for an object
 * without {@code METHOD}, and a feed that has not changed then reads the same, byte for byte (its ETag stays).
 */
public final class IcsCalendar {

    public static final String PRODUCT_ID = "-//Bantam//Bookings//EN";

    private IcsCalendar() {
    }

    /** A calendar of {@code entries}, named {@code name} (X-WR-CALNAME, shown by most calendar apps). */
    public static String write(String name, List<CalendarEntry> entries) {
        List<Property> header = new ArrayList<>(5);
        header.add(new ProdId(PRODUCT_ID));
        header.add(new Version(new net.fortuna.ical4j.model.ParameterList(), Version.VALUE_2_0));
        header.add(new CalScale(CalScale.VALUE_GREGORIAN));
        if (name != null) {
            header.add(new XProperty("X-WR-CALNAME", name));
        }
        List<CalendarComponent> events = new ArrayList<>(entries.size());
        for (CalendarEntry entry : entries) {
            events.add(event(entry));
        }
        Calendar calendar = new Calendar(new PropertyList(header), new ComponentList<>(events));
        StringWriter out = new StringWriter(256 + entries.size() * 400);
        try {
            new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("validation is off", e);
        }
        return fold(out.toString());
    }

    /** Octets of a line before its line break, the first line's and each continuation's (with its space). */
    static final int LINE_OCTETS = 75;

    /** Folds every content line longer than {@value #LINE_OCTETS} octets (UTF-8), at code point boundaries. */
    static String fold(String unfolded) {
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 60 * 3);
        int lineStart = 0;
        while (lineStart < unfolded.length()) {
            int lineEnd = unfolded.indexOf("\r\n", lineStart);
            if (lineEnd < 0) {
                lineEnd = unfolded.length();
            }
            int octets = 0;
            for (int i = lineStart; i < lineEnd; ) {
                int codePoint = unfolded.codePointAt(i);
                int size = utf8Length(codePoint);
                if (octets + size > LINE_OCTETS) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            if (lineEnd < unfolded.length()) {
                folded.append("\r\n");
            }
            lineStart = lineEnd + 2;
        }
        return folded.toString();
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    static VEvent event(CalendarEntry entry) {
        List<Property> properties = new ArrayList<>(11);
        properties.add(new Uid(entry.bookingId().toString()));
        properties.add(new DtStamp(entry.lastModified()));
        properties.add(new DtStart<>(entry.start()));
        properties.add(new DtEnd<>(entry.end()));
        properties.add(new Summary(entry.summary()));
        if (entry.location() != null && !entry.location().isEmpty()) {
            properties.add(new Location(entry.location()));
        }
        properties.add(new Sequence(entry.sequence()));
        properties.add(new Status(entry.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        properties.add(new Created(entry.created()));
        properties.add(new LastModified(entry.lastModified()));
        return new VEvent(new PropertyList(properties));
    }
}
