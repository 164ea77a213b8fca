package io.bantam.task.task.domain;

import static io.bantam.task.task.domain.Tasks.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskFilterTest {

    private static final LocalDate JAN_10 = LocalDate.of(2027, 1, 10);

    @Test
    void noCriterionMatchesEveryTask() {
        assertThat(TaskFilter.ALL.matches(aTask().build())).isTrue();
        assertThat(TaskFilter.ALL.matches(aTask().completed(true).due(JAN_10).client(UUID.randomUUID()).build()))
                .isTrue();
    }

    @Test
    void completedSelectsDoneOrOpenTasks() {
        TaskFilter done = new TaskFilter(true, null, null, null);
        TaskFilter open = new TaskFilter(false, null, null, null);

        assertThat(done.matches(aTask().completed(true).build())).isTrue();
        assertThat(done.matches(aTask().completed(false).build())).isFalse();
        assertThat(open.matches(aTask().completed(false).build())).isTrue();
        assertThat(open.matches(aTask().completed(true).build())).isFalse();
    }

    @Test
    void clientIdSelectsTasksAboutThatClientOnly() {
        UUID client = UUID.randomUUID();
        TaskFilter filter = new TaskFilter(null, client, null, null);

        assertThat(filter.matches(aTask().client(client).build())).isTrue();
        assertThat(filter.matches(aTask().client(UUID.randomUUID()).build())).isFalse();
        assertThat(filter.matches(aTask().build())).isFalse();
    }

    @Test
    void prioritySelectsThatPriorityOnly() {
        TaskFilter high = new TaskFilter(null, null, Priority.HIGH, null);

        assertThat(high.matches(aTask().priority(Priority.HIGH).build())).isTrue();
        assertThat(high.matches(aTask().priority(Priority.MEDIUM).build())).isFalse();
    }

    @Test
    void dueBeforeIsExclusiveAndNeverSelectsUndatedTasks() {
        TaskFilter beforeJan10 = new TaskFilter(null, null, null, JAN_10);

        assertThat(beforeJan10.matches(aTask().due(JAN_10.minusDays(1)).build())).isTrue();
        assertThat(beforeJan10.matches(aTask().due(JAN_10).build())).isFalse();
        assertThat(beforeJan10.matches(aTask().due(JAN_10.plusDays(1)).build())).isFalse();
        assertThat(beforeJan10.matches(aTask().build())).isFalse();
    }

    @Test
    void criteriaCombineWithAnd() {
        UUID client = UUID.randomUUID();
        TaskFilter filter = new TaskFilter(false, client, Priority.HIGH, JAN_10);
        Tasks.Builder matching = aTask().client(client).priority(Priority.HIGH).due(JAN_10.minusDays(3));

        assertThat(filter.matches(matching.build())).isTrue();
        assertThat(filter.matches(matching.completed(true).build())).isFalse();
    }
}
