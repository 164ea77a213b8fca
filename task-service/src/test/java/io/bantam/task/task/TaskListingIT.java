package io.bantam.task.task;

import static io.bantam.task.support.TaskBody.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.task.support.TaskBody;
import io.bantam.task.support.TaskJson;
import io.bantam.task.support.TaskServiceTestBase;
import io.bantam.task.task.domain.Priority;
import io.bantam.task.task.domain.Task;
import io.bantam.task.task.domain.TaskFilter;
import io.bantam.task.task.domain.TaskPosition;
import io.bantam.testing.TestTokens;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

/** The task list on a real database: the contract's filters and order, and keyset pages while tasks are added. */
class TaskListingIT extends TaskServiceTestBase {

    private static final Comparator<TaskJson> LIST_ORDER = Comparator.comparing(TaskListingIT::position,
            TaskPosition.ORDER);

    private final Random random = new Random(20270110);

    @Test
    void tasksComeByDueDateWithUndatedOnesLastThenByCreation() {
        List<TaskJson> created = new ArrayList<>();
        for (String due : new String[] {null, "2027-03-01", "2027-01-10", null, "2027-01-10", "2026-12-24",
                "2027-03-01", null}) {
            created.add(create(task("Due " + due).due(due)));
        }

        List<TaskJson> listed = all("/api/tasks");

        assertThat(listed).extracting(TaskJson::dueDate).containsExactly("2026-12-24", "2027-01-10", "2027-01-10",
                "2027-03-01", "2027-03-01", null, null, null);
        assertThat(listed).isSortedAccordingTo(LIST_ORDER);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(created);
        // same due date: the one created first comes first
        assertThat(listed.get(1).createdAt()).isBefore(listed.get(2).createdAt());
        assertThat(listed.get(5).createdAt()).isBefore(listed.get(6).createdAt());
    }

    @Test
    void eachFilterAndEveryCombinationSelectsExactlyTheMatchingTasks() {
        UUID ada = connectedClient();
        UUID bob = connectedClient();
        List<TaskJson> tasks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tasks.add(create(randomTask(i, ada, bob)));
        }
        for (TaskJson task : tasks.subList(0, 15)) {
            update(task.id(), TaskBody.patch().completed(true));
        }
        List<TaskJson> current = all("/api/tasks");
        assertThat(current).hasSize(40);

        List<TaskFilter> filters = new ArrayList<>();
        for (Boolean completed : Arrays.asList(null, true, false)) {
            for (UUID client : Arrays.asList(null, ada, bob)) {
                for (Priority priority : Arrays.asList(null, Priority.LOW, Priority.HIGH)) {
                    for (LocalDate dueBefore : Arrays.asList(null, LocalDate.of(2027, 1, 15))) {
                        filters.add(new TaskFilter(completed, client, priority, dueBefore));
                    }
                }
            }
        }
        for (TaskFilter filter : filters) {
            List<TaskJson> expected = current.stream().filter(task -> filter.matches(toTask(task))).toList();
            assertThat(all(uri(filter))).as("GET %s", uri(filter)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void pagesFollowEachOtherWithoutDuplicatesOrGapsWhileTasksAreAdded() {
        List<TaskJson> before = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            before.add(create(randomTask(i, null, null)));
        }

        List<TaskJson> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TaskJson.Page page = page("/api/tasks?limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(4);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            // meanwhile, tasks are added before, at and after the page boundary
            for (int i = 0; i < 3; i++) {
                create(randomTask(100 + pages * 3 + i, null, null));
            }
            pages++;
        } while (cursor != null && pages < 100);

        assertThat(cursor).isNull();
        assertThat(seen).isSortedAccordingTo(LIST_ORDER);
        assertThat(new HashSet<>(seen.stream().map(TaskJson::id).toList())).hasSize(seen.size());
        assertThat(seen).containsAll(before);
    }

    @Test
    void theLastPageHasNoCursorAndAnExactlyFullPageIsFollowedByAnEmptyOneOrNone() {
        for (int i = 0; i < 6; i++) {
            create(task("Task " + i));
        }

        TaskJson.Page first = page("/api/tasks?limit=3");
        assertThat(first.items()).hasSize(3);
        assertThat(first.nextCursor()).isNotNull();
        TaskJson.Page second = page("/api/tasks?limit=3&cursor=" + first.nextCursor());
        assertThat(second.items()).hasSize(3);
        assertThat(second.nextCursor()).isNull();
        assertThat(page("/api/tasks?limit=6").nextCursor()).isNull();
        assertThat(page("/api/tasks").items()).hasSize(6);
    }

    @Test
    void anotherFreelancersTasksNeverShow() {
        create(task("Mine"));
        UUID other = UUID.randomUUID();
        as(TestTokens.freelancer(other)).post().uri("/api/tasks").bodyValue(task("Theirs").json()).exchange()
                .expectStatus().isCreated();

        assertThat(all("/api/tasks")).extracting(TaskJson::title).containsExactly("Mine");
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        for (String query : new String[] {"limit=0", "limit=501", "limit=ten", "cursor=garbage", "priority=URGENT",
                "completed=maybe", "dueBefore=2027-01-10T00:00:00Z", "dueBefore=tomorrow", "clientId=ada"}) {
            String parameter = query.substring(0, query.indexOf('='));
            asFreelancer().get().uri("/api/tasks?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("request.invalid")
                    .jsonPath("$.errors[0].field").isEqualTo(parameter);
        }
        asFreelancer().get().uri("/api/tasks?limit=500").exchange().expectStatus().isOk();
    }

    private TaskBody randomTask(int i, UUID ada, UUID bob) {
        Priority[] priorities = Priority.values();
        TaskBody body = task("Task " + i).priority(priorities[random.nextInt(priorities.length)].name());
        if (random.nextInt(4) > 0) {
            body.due(LocalDate.of(2027, 1, 1).plusDays(random.nextInt(30)).toString());
        }
        if (ada != null && random.nextInt(3) > 0) {
            body.client(random.nextBoolean() ? ada : bob);
        }
        return body;
    }

    private String uri(TaskFilter filter) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/tasks");
        if (filter.completed() != null) {
            uri.queryParam("completed", filter.completed());
        }
        if (filter.clientId() != null) {
            uri.queryParam("clientId", filter.clientId());
        }
        if (filter.priority() != null) {
            uri.queryParam("priority", filter.priority());
        }
        if (filter.dueBefore() != null) {
            uri.queryParam("dueBefore", filter.dueBefore());
        }
        return uri.toUriString();
    }

    /** Every task the list gives, page after page (small pages, to exercise the cursor with every filter). */
    private List<TaskJson> all(String uri) {
        List<TaskJson> items = new ArrayList<>();
        String cursor = null;
        Set<String> cursors = new HashSet<>();
        do {
            String separator = uri.contains("?") ? "&" : "?";
            TaskJson.Page page = page(uri + separator + "limit=7" + (cursor == null ? "" : "&cursor=" + cursor));
            items.addAll(page.items());
            cursor = page.nextCursor();
            assertThat(cursor == null || cursors.add(cursor)).as("a cursor is never repeated").isTrue();
        } while (cursor != null);
        return items;
    }

    private TaskJson.Page page(String uri) {
        return asFreelancer().get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody(TaskJson.Page.class).returnResult().getResponseBody();
    }

    private static TaskPosition position(TaskJson task) {
        return new TaskPosition(task.dueDate() == null ? null : LocalDate.parse(task.dueDate()), task.createdAt(),
                task.id());
    }

    private static Task toTask(TaskJson task) {
        return new Task(task.id(), task.freelancerId(), task.clientId(), task.title(), task.description(),
                Priority.valueOf(task.priority()), task.completed(),
                task.dueDate() == null ? null : LocalDate.parse(task.dueDate()), task.createdAt(), task.updatedAt(), task.bookingId());
    }
}
