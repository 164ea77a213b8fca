package io.bantam.booking.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bantam.booking.time.TimeRange;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BookingChangeTest {

    static final Instant NINE = Instant.parse("2026-12-07T09:00:00Z");
    static final BookingDetails CALL = new BookingDetails(TimeRange.of(NINE, Duration.ofMinutes(60)), "Call", "Zoom");

    @Test
    void nothingAskedChangesNothing() {
        assertThat(BookingChange.none().applyTo(CALL)).isEqualTo(CALL);
    }

    @Test
    void aNewStartKeepsTheDuration() {
        BookingDetails moved = BookingChange.none().withStart(NINE.plusSeconds(3600)).applyTo(CALL);

        assertThat(moved.time()).isEqualTo(new TimeRange(NINE.plusSeconds(3600), NINE.plusSeconds(7200)));
    }

    @Test
    void aNewDurationKeepsTheStart() {
        BookingDetails longer = BookingChange.none().withDurationMinutes(90).applyTo(CALL);

        assertThat(longer.time()).isEqualTo(new TimeRange(NINE, NINE.plusSeconds(5400)));
    }

    @Test
    void anExplicitNullClearsTheLocationAndAbsentFieldsStay() {
        BookingDetails changed = BookingChange.none().withLocation(null).withTitle("Review").applyTo(CALL);

        assertThat(changed.location()).isNull();
        assertThat(changed.title()).isEqualTo("Review");
        assertThat(changed.time()).isEqualTo(CALL.time());
    }

    @Test
    void theContractBoundsHoldForEveryBooking() {
        assertThatThrownBy(() -> new BookingDetails(BookingDetails.timeOf(NINE, 4), "Call", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookingDetails(BookingDetails.timeOf(NINE, 721), "Call", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookingDetails(BookingDetails.timeOf(NINE, 30), " ", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookingDetails(BookingDetails.timeOf(NINE, 30), "x".repeat(201), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookingDetails(BookingDetails.timeOf(NINE, 30), "Call", "x".repeat(501)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new BookingDetails(BookingDetails.timeOf(NINE, 720), "x".repeat(200), "x".repeat(500))
                .time().duration()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void theStartIsKeptToTheMicrosecondTheDatabaseStores() {
        TimeRange time = BookingDetails.timeOf(Instant.parse("2026-12-07T09:00:00.123456789Z"), 30);

        assertThat(time.start()).isEqualTo(Instant.parse("2026-12-07T09:00:00.123456Z"));
    }
}
