package io.bantam.booking.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeOfDayTest {

    @Test
    void readsAndWritesHoursAndMinutes() {
        assertThat(TimeOfDay.parse("09:05").minuteOfDay()).isEqualTo(545);
        assertThat(TimeOfDay.parse("09:05")).hasToString("09:05");
        assertThat(TimeOfDay.parse("00:00")).isEqualTo(TimeOfDay.START_OF_DAY);
    }

    @Test
    void twentyFourHundredIsTheEndOfTheDayThatIsTheNextMidnight() {
        TimeOfDay end = TimeOfDay.parse("24:00");

        assertThat(end).isEqualTo(TimeOfDay.END_OF_DAY).hasToString("24:00");
        assertThat(end.on(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDateTime.of(2027, 1, 1, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"24:01", "25:00", "9:00", "09:60", "0900", "09:00:00", "", " 09:00"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> TimeOfDay.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
