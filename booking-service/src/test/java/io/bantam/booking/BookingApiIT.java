package io.bantam.booking;

import static io.bantam.booking.support.Times.berlin;
import static io.bantam.booking.support.Times.mondayAhead;
import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.booking.booking.persistence.BookingStore;
import io.bantam.booking.support.Api;
import io.bantam.booking.support.User;
import io.bantam.booking.time.TimeRange;
import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.events.relationships.RelationshipEnded;
import io.bantam.service.relationship.RelationshipProjection;
import io.bantam.service.testsupport.ApiDocuments;
import io.bantam.service.testsupport.TestSecurity;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** CONTRACT.md's "Availability and bookings", over HTTP, against a real PostgreSQL and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(TestSecurity.class)
@WithPostgres
@WithKafka
class BookingApiIT {

    @Autowired
    WebTestClient web;
    @Autowired
    RelationshipProjection relationships;
    @Autowired
    BookingStore store;

    Api api;
    final User freelancer = User.freelancer();
    final User client = User.client();
    final User stranger = User.client();
    final LocalDate monday = mondayAhead();

    @BeforeEach
    void setUp() {
        api = new Api(web);
        connect(freelancer, client);
        api.publishWeekdays(freelancer, "Europe/Berlin", "09:00", "17:00");
    }

    void connect(User f, User c) {
        relationships.apply(RelationshipCreated.of(UUID.randomUUID(), f.id(), c.id(), Instant.now())).block();
    }

    @Nested
    class Availability {

        @Test
        void aFreelancerPublishesItsWeekAndReadsItBackInWeekOrder() {
            api.put(freelancer, "/api/availability", Map.of("timeZone", "America/New_York", "weekly", List.of(
                            Map.of("day", "FRIDAY", "start", "13:00", "end", "24:00"),
                            Map.of("day", "MONDAY", "start", "09:00", "end", "12:00"))))
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.freelancerId").isEqualTo(freelancer.id().toString())
                    .jsonPath("$.timeZone").isEqualTo("America/New_York")
                    .jsonPath("$.weekly[0].day").isEqualTo("MONDAY")
                    .jsonPath("$.weekly[0].start").isEqualTo("09:00")
                    .jsonPath("$.weekly[1].end").isEqualTo("24:00");

            api.get(freelancer, "/api/availability/{id}", freelancer.id()).expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.timeZone").isEqualTo("America/New_York")
                    .jsonPath("$.weekly.length()").isEqualTo(2);
        }

        @Test
        void aConnectedClientReadsItAndEveryoneElseGets404() {
            api.get(client, "/api/availability/{id}", freelancer.id()).expectStatus().isOk()
                    .expectBody().jsonPath("$.weekly.length()").isEqualTo(5);

            api.get(stranger, "/api/availability/{id}", freelancer.id()).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("not-found");
            api.get(User.freelancer(), "/api/availability/{id}", freelancer.id()).expectStatus().isNotFound();
        }

        @Test
        void aFreelancerWithNothingPublishedHasNoWindows() {
            User fresh = User.freelancer();

            api.get(fresh, "/api/availability/{id}", fresh.id()).expectStatus().isOk()
                    .expectBody().jsonPath("$.weekly.length()").isEqualTo(0)
                    .jsonPath("$.timeZone").isEqualTo("UTC");
        }

        @Test
        void aWindowThatDoesNotStartBeforeItEndsOrOverlapsAnotherIs400() {
            api.put(freelancer, "/api/availability", Map.of("timeZone", "Europe/Berlin", "weekly", List.of(
                            Map.of("day", "MONDAY", "start", "09:00", "end", "12:00"),
                            Map.of("day", "MONDAY", "start", "11:00", "end", "13:00"),
                            Map.of("day", "TUESDAY", "start", "17:00", "end", "09:00"))))
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("request.invalid")
                    .jsonPath("$.errors[?(@.field == 'weekly[1]')]").exists()
                    .jsonPath("$.errors[?(@.field == 'weekly[2]')].message").isEqualTo("start must be before end");

            api.get(freelancer, "/api/availability/{id}", freelancer.id()).expectStatus().isOk()
                    .expectBody().jsonPath("$.weekly.length()").isEqualTo(5);
        }

        @Test
        void anUnknownZoneOrABadTimeIs400NamingTheField() {
            api.put(freelancer, "/api/availability", Map.of("timeZone", "Mars/Olympus", "weekly", List.of(
                            Map.of("day", "MONDAY", "start", "9:00", "end", "25:00"))))
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[?(@.field == 'timeZone')]").exists()
                    .jsonPath("$.errors[?(@.field == 'weekly[0].start')]").exists()
                    .jsonPath("$.errors[?(@.field == 'weekly[0].end')]").exists();
        }

        @Test
        void onlyAFreelancerPublishesAvailability() {
            api.put(client, "/api/availability", Map.of("timeZone", "UTC", "weekly", List.of()))
                    .expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("role.forbidden");
        }

        @Test
        void withoutATokenItIs401() {
            web.get().uri("/api/availability/{id}", freelancer.id()).exchange().expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.code").isEqualTo("auth.unauthenticated");
        }
    }

    @Nested
    class Slots {

        @Test
        void slotsAreTheWindowsMinusTheBookingsOfBothPartiesWhenAClientAsks() {
            User otherFreelancer = User.freelancer();
            connect(otherFreelancer, client);
            api.book(freelancer, client, berlin(monday, "10:00"), 60);
            api.book(otherFreelancer, client, berlin(monday, "13:00"), 30);
            User otherClient = User.client();
            connect(freelancer, otherClient);
            api.book(freelancer, otherClient, berlin(monday, "15:00"), 60);

            List<String> forClient = slotStarts(client, monday, monday, 60, 60);
            List<String> forFreelancer = slotStarts(freelancer, monday, monday, 60, 60);

            assertThat(forClient).containsExactly(at("09:00"), at("11:00"), at("12:00"), at("14:00"), at("16:00"));
            assertThat(forFreelancer).containsExactly(at("09:00"), at("11:00"), at("12:00"), at("13:00"),
                    at("14:00"), at("16:00"));
        }

        @Test
        void slotsStepFromTheWindowStartAndEndWithTheDuration() {
            web.get().uri("/api/availability/{id}/slots?from={d}&to={d}&durationMinutes=45", freelancer.id(), monday,
                            monday)
                    .headers(h -> h.setBearerAuth(client.token())).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.items[0].start").isEqualTo(at("09:00"))
                    .jsonPath("$.items[0].end").isEqualTo(at("09:45"))
                    .jsonPath("$.items[1].start").isEqualTo(at("09:15"))
                    .jsonPath("$.items.length()").isEqualTo(30);
        }

        @Test
        void aWholeWeekHasFiveDaysOfSlots() {
            assertThat(slotStarts(client, monday, monday.plusDays(6), 60, 60)).hasSize(5 * 8);
        }

        @Test
        void aStrangerGets404() {
            api.get(stranger, "/api/availability/{id}/slots?from={d}&to={d}&durationMinutes=30", freelancer.id(),
                    monday, monday).expectStatus().isNotFound();
        }

        @Test
        void theRangeAndTheDurationAreBounded() {
            String uri = "/api/availability/{id}/slots?from={from}&to={to}&durationMinutes={m}";
            api.get(client, uri, freelancer.id(), monday, monday.plusDays(62), 30).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
            api.get(client, uri, freelancer.id(), monday, monday.plusDays(61), 30).expectStatus().isOk();
            api.get(client, uri, freelancer.id(), monday, monday.minusDays(1), 30).expectStatus().isBadRequest();
            api.get(client, uri, freelancer.id(), monday, monday, 4).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("durationMinutes");
            api.get(client, uri, freelancer.id(), "monday", monday, 30).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
            api.get(client, "/api/availability/{id}/slots?from={d}&to={d}", freelancer.id(), monday, monday)
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("durationMinutes");
            api.get(client, uri + "&stepMinutes=1", freelancer.id(), monday, monday, 30).expectStatus().isBadRequest();
        }

        @Test
        void aPartysBusyTimeIsReadBackToTheMicrosecondInOrder() {
            Instant odd = Instant.parse(monday + "T12:34:56.123456Z");
            api.book(freelancer, client, berlin(monday, "15:00"), 60);
            api.book(freelancer, client, odd, 5);
            User nobody = User.client();

            List<TimeRange> busy = store.busy(client.id(), new TimeRange(berlin(monday, "00:00"),
                    berlin(monday.plusDays(1), "00:00"))).block();

            assertThat(busy).containsExactly(new TimeRange(odd, odd.plusSeconds(300)),
                    new TimeRange(berlin(monday, "15:00"), berlin(monday, "16:00")));
            assertThat(store.busy(nobody.id(), new TimeRange(berlin(monday, "00:00"), berlin(monday, "23:00")))
                    .block()).isEmpty();
        }

        List<String> slotStarts(User caller, LocalDate from, LocalDate to, int minutes, int step) {
            Map<?, ?> page = api.get(caller,
                            "/api/availability/{id}/slots?from={from}&to={to}&durationMinutes={m}&stepMinutes={s}",
                            freelancer.id(), from, to, minutes, step)
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            return ((List<?>) page.get("items")).stream().map(item -> ((Map<?, ?>) item).get("start").toString())
                    .toList();
        }

        String at(String time) {
            return berlin(monday, time).toString();
        }
    }

    @Nested
    class Booking {

        @Test
        void aClientBooksInsideAvailabilityAndTheServerComputesTheEnd() {
            Instant start = berlin(monday, "10:00");
            Map<String, Object> body = Api.booking(client, freelancer, start, 90, "Kick-off");
            body.put("location", "Studio");

            Map<?, ?> created = api.post(client, "/api/bookings", body).expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody();

            assertThat(created.get("freelancerId")).isEqualTo(freelancer.id().toString());
            assertThat(created.get("clientId")).isEqualTo(client.id().toString());
            assertThat(created.get("start")).isEqualTo(start.toString());
            assertThat(created.get("end")).isEqualTo(start.plus(Duration.ofMinutes(90)).toString());
            assertThat(created.get("durationMinutes")).isEqualTo(90);
            assertThat(created.get("title")).isEqualTo("Kick-off");
            assertThat(created.get("location")).isEqualTo("Studio");
            assertThat(created.get("createdBy")).isEqualTo(client.id().toString());
            assertThat(created.get("createdAt")).isNotNull();
            assertThat(created.get("updatedAt")).isNotNull();

            api.get(freelancer, "/api/bookings/{id}", created.get("id")).expectStatus().isOk()
                    .expectBody().jsonPath("$.title").isEqualTo("Kick-off");
            api.get(client, "/api/bookings/{id}", created.get("id")).expectStatus().isOk();
            api.get(stranger, "/api/bookings/{id}", created.get("id")).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("not-found");
        }

        @Test
        void aStartWithAnOffsetIsAnsweredInUtc() {
            Map<String, Object> body = Api.booking(client, freelancer, Instant.EPOCH, 30, "Call");
            body.put("start", monday + "T11:00:00+01:00");

            api.post(client, "/api/bookings", body).expectStatus().isCreated()
                    .expectBody().jsonPath("$.start").isEqualTo(monday + "T10:00:00Z");
        }

        @Test
        void aClientCannotBookOutsideAvailability() {
            api.post(client, "/api/bookings", Api.booking(client, freelancer, berlin(monday, "16:30"), 60, "Late"))
                    .expectStatus().isEqualTo(422)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("booking.outside-availability");
            api.post(client, "/api/bookings", Api.booking(client, freelancer, berlin(monday.plusDays(5), "10:00"), 60,
                    "Saturday")).expectStatus().isEqualTo(422);
        }

        @Test
        void aFreelancerMayBookOutsideItsOwnWindows() {
            api.post(freelancer, "/api/bookings",
                            Api.booking(freelancer, client, berlin(monday.plusDays(5), "20:00"), 60, "Saturday"))
                    .expectStatus().isCreated();
        }

        @Test
        void withoutAnActiveRelationshipABookingIsRefused() {
            api.post(stranger, "/api/bookings", Api.booking(stranger, freelancer, berlin(monday, "10:00"), 60, "Hi"))
                    .expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.code").isEqualTo("relationship.required");
            api.post(freelancer, "/api/bookings", Api.booking(freelancer, stranger, berlin(monday, "10:00"), 60, "Hi"))
                    .expectStatus().isEqualTo(422);
        }

        @Test
        void anEndedRelationshipRefusesNewBookingsButKeepsTheOldOnes() {
            User former = User.client();
            UUID relationship = UUID.randomUUID();
            relationships.apply(RelationshipCreated.of(relationship, freelancer.id(), former.id(), Instant.now()))
                    .block();
            String id = api.book(former, freelancer, berlin(monday, "09:00"), 30);
            relationships.apply(RelationshipEnded.of(relationship, freelancer.id(), former.id(), Instant.now()))
                    .block();

            api.post(former, "/api/bookings", Api.booking(former, freelancer, berlin(monday, "11:00"), 30, "Again"))
                    .expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.code").isEqualTo("relationship.required");
            api.get(former, "/api/bookings/{id}", id).expectStatus().isOk();
            api.delete(former, "/api/bookings/{id}", id).expectStatus().isNoContent();
        }

        @Test
        void anOverlapIsA409NamingTheFreelancerOrTheClient() {
            api.book(freelancer, client, berlin(monday, "10:00"), 60);
            User otherClient = User.client();
            connect(freelancer, otherClient);
            User otherFreelancer = User.freelancer();
            connect(otherFreelancer, client);

            api.post(otherClient, "/api/bookings",
                            Api.booking(otherClient, freelancer, berlin(monday, "10:30"), 60, "Clash"))
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("booking.conflict")
                    .jsonPath("$.conflictingParty").isEqualTo("FREELANCER");
            api.post(otherFreelancer, "/api/bookings",
                            Api.booking(otherFreelancer, client, berlin(monday, "09:30"), 60, "Clash"))
                    .expectStatus().isEqualTo(409)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("booking.conflict")
                    .jsonPath("$.conflictingParty").isEqualTo("CLIENT");
        }

        @Test
        void backToBackBookingsDoNotOverlap() {
            api.book(freelancer, client, berlin(monday, "10:00"), 60);
            api.book(client, freelancer, berlin(monday, "11:00"), 60);
            api.book(freelancer, client, berlin(monday, "09:00"), 60);
        }

        @Test
        void invalidFieldsAre400WithEachFieldNamed() {
            Map<String, Object> body = new HashMap<>();
            body.put("clientId", client.id().toString());
            body.put("start", berlin(monday, "10:00").toString());
            body.put("durationMinutes", 721);
            body.put("title", " ");
            body.put("location", "x".repeat(501));

            api.post(freelancer, "/api/bookings", body).expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("request.invalid")
                    .jsonPath("$.errors[?(@.field == 'durationMinutes')]").exists()
                    .jsonPath("$.errors[?(@.field == 'title')]").exists()
                    .jsonPath("$.errors[?(@.field == 'location')]").exists();

            api.post(freelancer, "/api/bookings", Map.of("start", berlin(monday, "10:00").toString(),
                            "durationMinutes", 4, "title", "x".repeat(201)))
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[?(@.field == 'durationMinutes')]").exists()
                    .jsonPath("$.errors[?(@.field == 'title')]").exists();

            api.post(freelancer, "/api/bookings", Map.of("start", berlin(monday, "10:00").toString(),
                            "durationMinutes", 30, "title", "No client"))
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("clientId");

            api.post(freelancer, "/api/bookings", Map.of("clientId", client.id().toString(),
                            "start", berlin(monday, "10:00").toString(), "durationMinutes", 30, "title", "Nul\u0000",
                            "location", "\uD800"))
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[?(@.field == 'title')]").exists()
                    .jsonPath("$.errors[?(@.field == 'location')]").exists();

            api.post(freelancer, "/api/bookings", Map.of("clientId", client.id().toString(), "start", "tomorrow",
                            "durationMinutes", 30, "title", "Bad start"))
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("start");
        }

        @Test
        void theListHoldsTheCallersBookingsOverlappingTheRangeAscending() {
            User otherFreelancer = User.freelancer();
            connect(otherFreelancer, client);
            String late = api.book(freelancer, client, berlin(monday, "15:00"), 60);
            String early = api.book(freelancer, client, berlin(monday, "09:00"), 60);
            String other = api.book(otherFreelancer, client, berlin(monday, "12:00"), 60);
            api.book(freelancer, client, berlin(monday.plusDays(1), "09:00"), 60);

            String uri = "/api/bookings?from={from}&to={to}";
            Instant from = berlin(monday, "09:30");
            Instant to = berlin(monday, "15:00");
            assertThat(ids(api.get(client, uri, from, to))).containsExactly(early, other);
            assertThat(ids(api.get(freelancer, uri, from, to))).containsExactly(early);
            assertThat(ids(api.get(freelancer, uri, berlin(monday, "00:00"), berlin(monday.plusDays(1), "00:00"))))
                    .containsExactly(early, late);
            assertThat(ids(api.get(stranger, uri, from, to))).isEmpty();
        }

        @Test
        void theListFindsTheLongestBookingThatBeganBeforeTheRange() {
            // 12 hours, the longest a booking may be: it began the evening before and still runs at 07:59
            String overnight = api.book(freelancer, client, berlin(monday.minusDays(1), "20:00"), 720);
            String morning = api.book(freelancer, client, berlin(monday, "08:00"), 30);

            String uri = "/api/bookings?from={from}&to={to}";
            assertThat(ids(api.get(freelancer, uri, berlin(monday, "07:59"), berlin(monday, "09:00"))))
                    .containsExactly(overnight, morning);
            assertThat(ids(api.get(client, uri, berlin(monday, "08:00"), berlin(monday, "09:00"))))
                    .containsExactly(morning);
            assertThat(ids(api.get(client, "/api/bookings?to={to}", berlin(monday, "08:00"))))
                    .containsExactly(overnight);
        }

        @Test
        void theListPagesWithACursor() {
            for (int hour = 9; hour < 14; hour++) {
                api.book(freelancer, client, berlin(monday, String.format("%02d:00", hour)), 30);
            }

            Map<?, ?> first = api.get(freelancer, "/api/bookings?limit=2").expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            Map<?, ?> second = api.get(freelancer, "/api/bookings?limit=2&cursor={c}", first.get("nextCursor"))
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            Map<?, ?> third = api.get(freelancer, "/api/bookings?limit=2&cursor={c}", second.get("nextCursor"))
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

            assertThat((List<?>) first.get("items")).hasSize(2);
            assertThat((List<?>) second.get("items")).hasSize(2);
            assertThat((List<?>) third.get("items")).hasSize(1);
            assertThat(third.get("nextCursor")).isNull();
            api.get(freelancer, "/api/bookings?cursor=nonsense").expectStatus().isBadRequest();
            api.get(freelancer, "/api/bookings?limit=501").expectStatus().isBadRequest();
            api.get(freelancer, "/api/bookings?from={f}&to={f}", berlin(monday, "09:00"), berlin(monday, "09:00"))
                    .expectStatus().isBadRequest();
        }

        List<String> ids(WebTestClient.ResponseSpec response) {
            Map<?, ?> page = response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            return ((List<?>) page.get("items")).stream().map(item -> ((Map<?, ?>) item).get("id").toString())
                    .toList();
        }
    }

    @Nested
    class Rescheduling {

        @Test
        void eitherPartyReschedulesAndTheEndFollows() {
            String id = api.book(client, freelancer, berlin(monday, "10:00"), 60);

            api.patch(freelancer, "/api/bookings/{id}", Map.of("start", berlin(monday, "14:00").toString()), id)
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.start").isEqualTo(berlin(monday, "14:00").toString())
                    .jsonPath("$.end").isEqualTo(berlin(monday, "15:00").toString());
            api.patch(client, "/api/bookings/{id}", Map.of("durationMinutes", 90), id)
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.end").isEqualTo(berlin(monday, "15:30").toString())
                    .jsonPath("$.durationMinutes").isEqualTo(90);
        }

        @Test
        void aBookingMovedOverItsOwnTimeIsNotInItsOwnWay() {
            String id = api.book(freelancer, client, berlin(monday, "10:00"), 60);

            api.patch(freelancer, "/api/bookings/{id}", Map.of("start", berlin(monday, "10:30").toString()), id)
                    .expectStatus().isOk();
        }

        @Test
        void titleAndLocationChangeAndANullLocationClearsIt() {
            Map<String, Object> body = Api.booking(freelancer, client, berlin(monday, "10:00"), 60, "Call");
            body.put("location", "Studio");
            String id = api.post(freelancer, "/api/bookings", body).expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
            Map<String, Object> clear = new HashMap<>();
            clear.put("location", null);
            clear.put("title", "Review");

            api.patch(client, "/api/bookings/{id}", clear, id).expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.title").isEqualTo("Review")
                    .jsonPath("$.location").isEmpty()
                    .jsonPath("$.start").isEqualTo(berlin(monday, "10:00").toString());
        }

        @Test
        void aNullWhereNothingCanBeClearedIs400() {
            String id = api.book(freelancer, client, berlin(monday, "10:00"), 60);
            Map<String, Object> body = new HashMap<>();
            body.put("start", null);

            api.patch(freelancer, "/api/bookings/{id}", body, id).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("start");
        }

        @Test
        void aClientCannotMoveABookingOutsideAvailability() {
            String id = api.book(client, freelancer, berlin(monday, "10:00"), 60);

            api.patch(client, "/api/bookings/{id}", Map.of("start", berlin(monday, "17:00").toString()), id)
                    .expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.code").isEqualTo("booking.outside-availability");
            api.patch(freelancer, "/api/bookings/{id}", Map.of("start", berlin(monday, "17:00").toString()), id)
                    .expectStatus().isOk();
        }

        @Test
        void aClientMayEditTheTitleOfABookingTheFreelancerPlacedOutsideAvailability() {
            String id = api.book(freelancer, client, berlin(monday, "20:00"), 60);

            api.patch(client, "/api/bookings/{id}", Map.of("title", "Evening"), id).expectStatus().isOk();
        }

        @Test
        void aStrangerCannotSeeOrTouchABooking() {
            String id = api.book(freelancer, client, berlin(monday, "10:00"), 60);

            api.patch(stranger, "/api/bookings/{id}", Map.of("title", "Mine"), id).expectStatus().isNotFound();
            api.delete(stranger, "/api/bookings/{id}", id).expectStatus().isNotFound();
            api.get(stranger, "/api/bookings/{id}", UUID.randomUUID()).expectStatus().isNotFound();
        }
    }

    @Nested
    class Cancelling {

        @Test
        void eitherPartyCancelsAndTheTimeIsFreeAgain() {
            String id = api.book(freelancer, client, berlin(monday, "10:00"), 60);

            api.delete(client, "/api/bookings/{id}", id).expectStatus().isNoContent();

            api.get(freelancer, "/api/bookings/{id}", id).expectStatus().isNotFound();
            api.delete(freelancer, "/api/bookings/{id}", id).expectStatus().isNotFound();
            api.book(client, freelancer, berlin(monday, "10:00"), 60);
        }

        @Test
        void theFreelancerCancelsToo() {
            String id = api.book(client, freelancer, berlin(monday, "10:00"), 60);

            api.delete(freelancer, "/api/bookings/{id}", id).expectStatus().isNoContent();
        }
    }

    @Test
    void theApiDocumentDescribesExactlyTheAvailabilityAndBookingsApi() {
        ApiDocuments documents = ApiDocuments.of(web).describesExactly(Set.of("PUT /api/availability",
                "GET /api/availability/{freelancerId}", "GET /api/availability/{freelancerId}/slots",
                "POST /api/bookings", "GET /api/bookings", "GET /api/bookings/{id}", "PATCH /api/bookings/{id}",
                "DELETE /api/bookings/{id}", "PUT /api/availability/rules", "PUT /api/availability/overrides/{date}",
                "DELETE /api/availability/overrides/{date}", "POST /api/availability/time-off",
                "DELETE /api/availability/time-off/{id}", "GET /api/availability/clients/{clientId}/rules",
                "PUT /api/availability/clients/{clientId}/rules", "GET /api/availability/stranded",
                "GET /api/bookings/{id}/ics", "GET /api/calendar/feed", "POST /api/calendar/feed/reset"), Set.of());

        assertThat(documents.describes("PUT /api/availability", 403)).contains("role.forbidden");
        for (String write : List.of("POST /api/bookings", "PATCH /api/bookings/{id}")) {
            assertThat(documents.describes(write, 409)).contains("booking.conflict", "conflictingParty");
            assertThat(documents.describes(write, 422)).contains("relationship.required", "booking.outside-availability",
                    "booking.too-soon", "booking.too-far", "booking.limit-reached");
        }
        assertThat(documents.document().at("/paths/~1api~1bookings/get/parameters/0/schema/format").asString())
                .isEqualTo("date-time");
        assertThat(documents.document().at("/paths/~1api~1availability~1{freelancerId}~1slots/get/parameters").toString())
                .contains("\"from\"", "\"to\"", "\"durationMinutes\"", "\"stepMinutes\"");
    }
}
