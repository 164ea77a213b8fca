package io.bantam.task.task.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskPositionTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00.000001Z");

    @Test
    void earlierDueDatesComeFirstAndUndatedTasksLast() {
        TaskPosition undated = new TaskPosition(null, T0, UUID.randomUUID());
        TaskPosition late = new TaskPosition(LocalDate.of(2027, 3, 1), T0, UUID.randomUUID());
        TaskPosition early = new TaskPosition(LocalDate.of(2027, 1, 10), T0.plusSeconds(60), UUID.randomUUID());

        List<TaskPosition> sorted = new ArrayList<>(List.of(undated, late, early));
        sorted.sort(TaskPosition.ORDER);

        assertThat(sorted).containsExactly(early, late, undated);
    }

    @Test
    void tasksDueTheSameDayComeInTheOrderTheyWereCreated() {
        LocalDate day = LocalDate.of(2027, 1, 10);
        TaskPosition second = new TaskPosition(day, T0.plusNanos(1000), UUID.randomUUID());
        TaskPosition first = new TaskPosition(day, T0, UUID.randomUUID());

        assertThat(first).isLessThan(second);
    }

    @Test
    void undatedTasksComeInTheOrderTheyWereCreated() {
        TaskPosition second = new TaskPosition(null, T0.plusSeconds(1), UUID.randomUUID());
        TaskPosition first = new TaskPosition(null, T0, UUID.randomUUID());

        assertThat(first).isLessThan(second);
    }

    @Test
    void idsBreakTiesAsPostgresComparesUuidsByteByByte() {
        // UUID.compareTo compares signed longs and would put 8000... before 0000...; PostgreSQL does not
        UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
        assertThat(high.compareTo(low)).isNegative();

        assertThat(new TaskPosition(null, T0, low)).isLessThan(new TaskPosition(null, T0, high));
    }

    @Test
    void aPositionSurvivesItsPartsIncludingNoDueDate() {
        TaskPosition dated = new TaskPosition(LocalDate.of(2027, 1, 10), T0, UUID.randomUUID());
        TaskPosition undated = new TaskPosition(null, T0, UUID.randomUUID());

        assertThat(TaskPosition.fromParts(dated.toParts())).isEqualTo(dated);
        assertThat(TaskPosition.fromParts(undated.toParts())).isEqualTo(undated);
    }

    @Test
    void partsThatAreNotAPositionAreRefused() {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> TaskPosition.fromParts(List.of("2027-01-10", T0.toString())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskPosition.fromParts(List.of("tomorrow", T0.toString(), id)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskPosition.fromParts(List.of("2027-01-10", "noon", id)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskPosition.fromParts(List.of("2027-01-10", T0.toString(), "me")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskPosition.fromParts(Arrays.asList("2027-01-10", null, id)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskPosition.fromParts(List.of("+10000-01-01", T0.toString(), id)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
