package io.bantam.task.preparation;

import static io.bantam.task.support.TaskBody.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bantam.events.bookings.BookingCancelled;
import io.bantam.events.bookings.BookingCreated;
import io.bantam.events.bookings.BookingEvent;
import io.bantam.events.bookings.BookingRescheduled;
import io.bantam.events.bookings.BookingSnapshot;
import io.bantam.service.kafka.ProcessedEvents;
import io.bantam.task.support.TaskJson;
import io.bantam.task.support.TaskServiceTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Preparation tasks from booking events on a real broker into a real PostgreSQL: made, moved and removed with
 * their bookings, exactly once, whatever is redelivered, duplicated or reordered.
 */
@TestPropertySource(properties = "bantam.preparation.group-id=task-preparation-test-${random.uuid}")
class PreparationTasksIT extends TaskServiceTestBase {

    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    ProcessedEvents processed;

    private final UUID client = UUID.randomUUID();

    @BeforeEach
    void prepareTwoDaysBefore() {
        settings(true, 2);
    }

    @Test
    void settingsHaveDefaultsAndAreTheFreelancersOwn() {
        asFreelancer().get().uri("/api/tasks/settings").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.prepareForBookings").isEqualTo(true)
                .jsonPath("$.prepareDaysBefore").isEqualTo(2);
        as(io.bantam.testing.TestTokens.freelancer(UUID.randomUUID())).get().uri("/api/tasks/settings").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.prepareForBookings").isEqualTo(false)
                .jsonPath("$.prepareDaysBefore").isEqualTo(1);
        as(io.bantam.testing.TestTokens.client(UUID.randomUUID())).get().uri("/api/tasks/settings").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void badSettingsAreRefusedAndChangeNothing() {
        for (String body : List.of("{\"prepareForBookings\": true, \"prepareDaysBefore\": 15}",
                "{\"prepareForBookings\": true, \"prepareDaysBefore\": -1}",
                "{\"prepareForBookings\": true}",
                "{\"prepareDaysBefore\": 3}",
                "{\"prepareForBookings\": \"yes\", \"prepareDaysBefore\": 3}")) {
            asFreelancer().put().uri("/api/tasks/settings").header("Content-Type", "application/json")
                    .bodyValue(body).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("request.invalid");
        }
        asFreelancer().get().uri("/api/tasks/settings").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.prepareDaysBefore").isEqualTo(2);
    }

    @Test
    void aNewBookingGetsAPreparationTaskDueDaysBeforeItsDateInTheFreelancersZone() {
        // 2027-03-10T23:30Z is already 11 March in Berlin
        BookingSnapshot booking = booking("Kick-off call", "2027-03-10T23:30:00Z", "Europe/Berlin");

        publish(BookingCreated.of(booking, Instant.now()));

        TaskJson task = awaitTaskOf(booking);
        assertThat(task.title()).isEqualTo("Prepare: Kick-off call");
        assertThat(task.dueDate()).isEqualTo("2027-03-09");
        assertThat(task.clientId()).isEqualTo(client);
        assertThat(task.completed()).isFalse();
    }

    @Test
    void aBookingEventWithoutAZoneTakesTheDateInUtc() {
        BookingSnapshot booking = new BookingSnapshot(UUID.randomUUID(), freelancer, client, "Call", null,
                Instant.parse("2027-03-10T23:30:00Z"), Instant.parse("2027-03-11T00:30:00Z"), 60, client);

        publish(BookingCreated.of(booking, Instant.now()));

        assertThat(awaitTaskOf(booking).dueDate()).isEqualTo("2027-03-08");
    }

    @Test
    void withPreparationOffNoTaskIsMade() {
        settings(false, 2);
        BookingCreated created = BookingCreated.of(booking("Call", "2027-03-10T10:00:00Z", "UTC"), Instant.now());

        publish(created);

        awaitProcessed(created);
        assertThat(tasksOf(created.booking())).isEmpty();
    }

    @Test
    void aRescheduleMovesTheTaskAndACancellationRemovesIt() {
        BookingSnapshot booking = booking("Review", "2027-03-10T10:00:00Z", "Europe/Berlin");
        Instant t0 = Instant.now();
        publish(BookingCreated.of(booking, t0));
        awaitTaskOf(booking);

        BookingSnapshot moved = moved(booking, "2027-03-20T10:00:00Z");
        publish(BookingRescheduled.of(moved, booking.start(), booking.end(), freelancer, t0.plusSeconds(1)));
        await().atMost(WITHIN).until(() -> "2027-03-18".equals(awaitTaskOf(booking).dueDate()));

        publish(BookingCancelled.of(moved, client, t0.plusSeconds(2)));
        await().atMost(WITHIN).until(() -> tasksOf(booking).isEmpty());
    }

    @Test
    void aCompletedOrEditedTaskOutlivesItsCancelledBooking() {
        BookingSnapshot completed = booking("Workshop", "2027-04-01T09:00:00Z", "UTC");
        BookingSnapshot edited = booking("Follow-up", "2027-04-02T09:00:00Z", "UTC");
        publish(BookingCreated.of(completed, Instant.now()));
        publish(BookingCreated.of(edited, Instant.now()));
        update(awaitTaskOf(completed).id(), patch().completed(true));
        update(awaitTaskOf(edited).id(), patch().with("title", "Prepare the follow-up slides"));

        BookingCancelled first = BookingCancelled.of(completed, client, Instant.now());
        BookingCancelled second = BookingCancelled.of(edited, client, Instant.now());
        publish(first);
        publish(second);

        awaitProcessed(second);
        assertThat(tasksOf(completed)).singleElement().satisfies(task -> assertThat(task.completed()).isTrue());
        assertThat(tasksOf(edited)).singleElement()
                .satisfies(task -> assertThat(task.title()).isEqualTo("Prepare the follow-up slides"));
    }

    @Test
    void aTaskTheFreelancerMovedItselfStaysWhereItWasPut() {
        BookingSnapshot booking = booking("Audit", "2027-05-10T09:00:00Z", "UTC");
        Instant t0 = Instant.now();
        publish(BookingCreated.of(booking, t0));
        update(awaitTaskOf(booking).id(), patch().due("2027-05-01"));

        BookingRescheduled rescheduled = BookingRescheduled.of(moved(booking, "2027-05-20T09:00:00Z"),
                booking.start(), booking.end(), client, t0.plusSeconds(1));
        publish(rescheduled);

        awaitProcessed(rescheduled);
        assertThat(awaitTaskOf(booking).dueDate()).isEqualTo("2027-05-01");
    }

    @Test
    void redeliveredAndDuplicatedEventsChangeNothing() {
        BookingSnapshot booking = booking("Planning", "2027-06-10T09:00:00Z", "UTC");
        Instant t0 = Instant.now();
        BookingCreated created = BookingCreated.of(booking, t0);
        // the same booking created again under another event id (a producer retried): still one task
        BookingCreated duplicate = BookingCreated.of(booking, t0);
        BookingRescheduled rescheduled = BookingRescheduled.of(moved(booking, "2027-06-20T09:00:00Z"),
                booking.start(), booking.end(), client, t0.plusSeconds(1));

        publish(created);
        publish(created);
        publish(duplicate);
        publish(rescheduled);
        TaskJson task = awaitTaskOf(booking);
        await().atMost(WITHIN).until(() -> "2027-06-18".equals(awaitTaskOf(booking).dueDate()));
        update(task.id(), patch().due("2027-06-17"));
        update(task.id(), patch().due("2027-06-18"));
        completeAndReopen(task.id());

        // redelivered: the creation (would make a second task) and the reschedule (would move it back)
        publish(created);
        publish(rescheduled);
        BookingCreated barrier = BookingCreated.of(booking("Barrier", "2027-07-01T09:00:00Z", "UTC"), Instant.now());
        publish(barrier);
        awaitProcessed(barrier);

        assertThat(tasksOf(booking)).singleElement().satisfies(only -> {
            assertThat(only.id()).isEqualTo(task.id());
            assertThat(only.dueDate()).isEqualTo("2027-06-18");
        });
    }

    @Test
    void aCancellationBeforeItsCreationMeansNoTask() {
        BookingSnapshot booking = booking("Lost in transit", "2027-08-10T09:00:00Z", "UTC");
        Instant t0 = Instant.now();
        BookingCreated created = BookingCreated.of(booking, t0);
        BookingRescheduled rescheduled = BookingRescheduled.of(moved(booking, "2027-08-12T09:00:00Z"),
                booking.start(), booking.end(), client, t0.plusSeconds(1));
        BookingCancelled cancelled = BookingCancelled.of(booking, client, t0.plusSeconds(2));

        publish(cancelled);
        publish(rescheduled);
        publish(created);

        awaitProcessed(created);
        assertThat(tasksOf(booking)).isEmpty();
    }

    @Test
    void aRescheduleBeforeItsCreationMakesTheTaskAtTheNewTime() {
        BookingSnapshot booking = booking("Out of order", "2027-09-10T09:00:00Z", "UTC");
        Instant t0 = Instant.now();
        BookingCreated created = BookingCreated.of(booking, t0);
        BookingRescheduled rescheduled = BookingRescheduled.of(moved(booking, "2027-09-20T09:00:00Z"),
                booking.start(), booking.end(), client, t0.plusSeconds(1));

        publish(rescheduled);
        publish(created);

        awaitProcessed(created);
        assertThat(tasksOf(booking)).singleElement()
                .satisfies(task -> assertThat(task.dueDate()).isEqualTo("2027-09-18"));
    }

    @Test
    void anotherFreelancersBookingNeverReachesThisFreelancer() {
        UUID other = UUID.randomUUID();
        BookingSnapshot theirs = new BookingSnapshot(UUID.randomUUID(), other, client, "Theirs", null,
                Instant.parse("2027-03-10T10:00:00Z"), Instant.parse("2027-03-10T11:00:00Z"), 60, client, "UTC");
        as(io.bantam.testing.TestTokens.freelancer(other)).put().uri("/api/tasks/settings")
                .header("Content-Type", "application/json")
                .bodyValue("{\"prepareForBookings\": true, \"prepareDaysBefore\": 0}").exchange()
                .expectStatus().isOk();
        BookingCreated created = BookingCreated.of(theirs, Instant.now());

        publish(created);

        awaitProcessed(created);
        assertThat(tasksOf(theirs)).isEmpty();
        as(io.bantam.testing.TestTokens.freelancer(other)).get().uri("/api/tasks").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].bookingId").isEqualTo(theirs.id().toString());
    }

    private void completeAndReopen(UUID task) {
        update(task, patch().completed(true));
        update(task, patch().completed(false));
    }

    private void settings(boolean on, int days) {
        asFreelancer().put().uri("/api/tasks/settings").header("Content-Type", "application/json")
                .bodyValue("{\"prepareForBookings\": " + on + ", \"prepareDaysBefore\": " + days + "}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.prepareForBookings").isEqualTo(on)
                .jsonPath("$.prepareDaysBefore").isEqualTo(days);
    }

    private BookingSnapshot booking(String title, String start, String zone) {
        Instant at = Instant.parse(start);
        return new BookingSnapshot(UUID.randomUUID(), freelancer, client, title, null, at, at.plusSeconds(3600), 60,
                client, zone);
    }

    private static BookingSnapshot moved(BookingSnapshot booking, String start) {
        Instant at = Instant.parse(start);
        return new BookingSnapshot(booking.id(), booking.freelancerId(), booking.clientId(), booking.title(),
                booking.location(), at, at.plusSeconds(3600), 60, booking.createdBy(), booking.freelancerTimeZone());
    }

    private void publish(BookingEvent event) {
        kafka.send(event.topic(), event.key(), json.writeValueAsString(event)).join();
    }

    private void awaitProcessed(BookingEvent event) {
        await().atMost(WITHIN).until(() -> processed.processed(PreparationService.CONSUMER, event.eventId())
                .block(Duration.ofSeconds(5)));
    }

    private TaskJson awaitTaskOf(BookingSnapshot booking) {
        return await().atMost(WITHIN).until(() -> tasksOf(booking), tasks -> tasks.size() == 1).get(0);
    }

    private List<TaskJson> tasksOf(BookingSnapshot booking) {
        TaskJson.Page page = asFreelancer().get().uri("/api/tasks?limit=500").exchange().expectStatus().isOk()
                .expectBody(TaskJson.Page.class).returnResult().getResponseBody();
        return page.items().stream().filter(task -> booking.id().equals(task.bookingId())).toList();
    }
}
