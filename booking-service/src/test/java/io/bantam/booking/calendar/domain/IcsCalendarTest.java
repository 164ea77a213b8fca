package io.bantam.booking.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IcsCalendarTest {

    private static final Instant NINE = Instant.parse("2027-01-04T09:00:00Z");

    @Test
    void longLinesAreFoldedAtSeventyFiveOctetsNeverInsideACharacter() {
        String title = "Übergabe 🎉 ".repeat(20);
        String text = IcsCalendar.write("Bantam", List.of(entry(title, "Straße 1, 2. OG; Tür \"B\"")));

        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = text.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:" + title + " with Ada Lovelace")
                .contains("LOCATION:Straße 1\\, 2. OG\\; Tür \"B\"");
    }

    @Test
    void aCalendarHasItsHeaderAndAnEventPerEntryInUtc() {
        String text = IcsCalendar.write("Bantam", List.of(entry("Call", null)));

        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("\r\nPRODID:" + IcsCalendar.PRODUCT_ID + "\r\n", "\r\nVERSION:2.0\r\n",
                        "\r\nCALSCALE:GREGORIAN\r\n", "\r\nDTSTART:20270104T090000Z\r\n",
                        "\r\nDTEND:20270104T100000Z\r\n", "\r\nSEQUENCE:3\r\n", "\r\nSTATUS:CONFIRMED\r\n")
                .doesNotContain("LOCATION");
    }

    @Test
    void theSameEntriesWriteTheSameBytes() {
        CalendarEntry entry = entry("Call", "Studio");

        assertThat(IcsCalendar.write("Bantam", List.of(entry))).isEqualTo(IcsCalendar.write("Bantam", List.of(entry)));
    }

    @Test
    void foldingLeavesShortLinesAlone() {
        assertThat(IcsCalendar.fold("A:b\r\nC:d\r\n")).isEqualTo("A:b\r\nC:d\r\n");
        assertThat(IcsCalendar.fold("X:" + "a".repeat(80) + "\r\n"))
                .isEqualTo("X:" + "a".repeat(73) + "\r\n " + "a".repeat(7) + "\r\n");
    }

    private static CalendarEntry entry(String title, String location) {
        return new CalendarEntry(UUID.fromString("b0a1c2d3-e4f5-4a6b-9c7d-8e9f0a1b2c3d"), NINE, NINE.plusSeconds(3600),
                title, location, "Ada Lovelace", 3, NINE.minusSeconds(86400), NINE.minusSeconds(3600), false);
    }
}
