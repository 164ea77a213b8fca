package io.bantam.task.task.domain;

import static io.bantam.task.task.domain.Tasks.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskTest {

    private static final Instant LATER = Tasks.CREATED.plusSeconds(3600);

    @Test
    void aNewTaskIsOpenWithMediumPriorityAndAnEmptyDescriptionByDefault() {
        Task task = Task.create(UUID.randomUUID(), Tasks.FREELANCER, new NewTask("Call Ada", null, null, null, null),
                Instant.parse("2026-11-01T09:00:00.123456789Z"));

        assertThat(task.completed()).isFalse();
        assertThat(task.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(task.description()).isEmpty();
        assertThat(task.clientId()).isNull();
        assertThat(task.dueDate()).isNull();
        assertThat(task.createdAt()).isEqualTo(Instant.parse("2026-11-01T09:00:00.123456Z"));
        assertThat(task.updatedAt()).isEqualTo(task.createdAt());
    }

    @Test
    void aChangeSetsOnlyWhatItNamesAndTouchesUpdatedAt() {
        Task task = aTask().due(LocalDate.of(2027, 1, 10)).build();

        Task done = task.apply(TaskChange.none().withCompleted(true), LATER);

        assertThat(done.completed()).isTrue();
        assertThat(done.title()).isEqualTo(task.title());
        assertThat(done.dueDate()).isEqualTo(task.dueDate());
        assertThat(done.createdAt()).isEqualTo(task.createdAt());
        assertThat(done.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aCompletedTaskCanGoBackToInProgress() {
        Task done = aTask().completed(true).build();

        assertThat(done.apply(TaskChange.none().withCompleted(false), LATER).completed()).isFalse();
    }

    @Test
    void nullClearsTheDueDateAndDetachesTheClient() {
        Task task = aTask().due(LocalDate.of(2027, 1, 10)).client(UUID.randomUUID()).build();

        Task general = task.apply(TaskChange.none().withDueDate(null).withClientId(null), LATER);

        assertThat(general.dueDate()).isNull();
        assertThat(general.clientId()).isNull();
    }

    @Test
    void aChangeThatChangesNothingLeavesTheTaskAsItWas() {
        Task task = aTask().priority(Priority.HIGH).build();

        assertThat(task.apply(TaskChange.none(), LATER)).isSameAs(task);
        assertThat(task.apply(TaskChange.none().withPriority(Priority.HIGH), LATER)).isSameAs(task);
    }

    @Test
    void onlyAttachingToAnotherClientNeedsAnActiveRelationship() {
        UUID current = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Task task = aTask().client(current).build();

        assertThat(task.newClientOf(TaskChange.none().withClientId(other))).contains(other);
        assertThat(task.newClientOf(TaskChange.none().withClientId(current))).isEmpty();
        assertThat(task.newClientOf(TaskChange.none().withClientId(null))).isEmpty();
        assertThat(task.newClientOf(TaskChange.none().withTitle("Renamed"))).isEmpty();
        assertThat(aTask().build().newClientOf(TaskChange.none().withClientId(other))).contains(other);
    }

    @Test
    void dueDatesAreBoundedToFourDigitYears() {
        assertThat(DueDates.isValid(null)).isTrue();
        assertThat(DueDates.isValid(LocalDate.of(1, 1, 1))).isTrue();
        assertThat(DueDates.isValid(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(DueDates.isValid(LocalDate.of(10000, 1, 1))).isFalse();
        assertThat(DueDates.isValid(LocalDate.of(0, 12, 31))).isFalse();
    }
}
