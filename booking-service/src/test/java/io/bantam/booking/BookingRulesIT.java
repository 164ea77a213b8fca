package io.bantam.booking;

import static io.bantam.booking.support.Times.berlin;
import static io.bantam.booking.support.Times.mondayAhead;
import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.booking.support.Api;
import io.bantam.booking.support.User;
import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.service.relationship.RelationshipProjection;
import io.bantam.service.testsupport.ApiDocuments;
import io.bantam.service.testsupport.TestSecurity;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** CONTRACT.md's "Booking rules, date overrides and time off", over HTTP, against a real PostgreSQL and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(TestSecurity.class)
@WithPostgres
@WithKafka
class BookingRulesIT {

    static final String STRANDED = "Bantam-Stranded-Bookings";

    @Autowired
    WebTestClient web;
    @Autowired
    RelationshipProjection relationships;

    Api api;
    final User freelancer = User.freelancer();
    final User client = User.client();
    final User otherClient = User.client();
    final User stranger = User.client();
    final User otherFreelancer = User.freelancer();
    final LocalDate monday = mondayAhead();

    @BeforeEach
    void setUp() {
        api = new Api(web);
        connect(freelancer, client);
        connect(freelancer, otherClient);
        api.publishWeekdays(freelancer, "Europe/Berlin", "09:00", "17:00");
    }

    void connect(User f, User c) {
        relationships.apply(RelationshipCreated.of(UUID.randomUUID(), f.id(), c.id(), Instant.now())).block();
    }

    void rules(Map<String, Object> body) {
        api.put(freelancer, "/api/availability/rules", body).expectStatus().isOk();
    }

    WebTestClient.ResponseSpec book(User caller, User counterpart, Instant start, int minutes) {
        return api.post(caller, "/api/bookings", Api.booking(caller, counterpart, start, minutes, "Session"));
    }

    void refused(WebTestClient.ResponseSpec answer, int status, String code) {
        answer.expectStatus().isEqualTo(status).expectBody().jsonPath("$.code").isEqualTo(code);
    }

    List<String> slotStarts(User caller, LocalDate date, String query) {
        return api.get(caller, "/api/availability/{f}/slots?from=" + date + "&to=" + date + "&durationMinutes=60"
                        + "&stepMinutes=60" + query, freelancer.id())
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items") instanceof List<?> items
                ? items.stream().map(item -> ((Map<?, ?>) item).get("start").toString()).toList() : List.of();
    }

    @Nested
    class Rules {

        @Test
        void theDefaultsAreThoseOfTheContractAndAbsentMembersStay() {
            api.get(freelancer, "/api/availability/{f}", freelancer.id()).expectStatus().isOk().expectBody()
                    .jsonPath("$.rules.bufferBeforeMinutes").isEqualTo(0)
                    .jsonPath("$.rules.bufferAfterMinutes").isEqualTo(0)
                    .jsonPath("$.rules.minimumNoticeMinutes").isEqualTo(0)
                    .jsonPath("$.rules.horizonDays").isEqualTo(365)
                    .jsonPath("$.rules.maxBookingsPerWeek").isEmpty()
                    .jsonPath("$.rules.changeCutoffMinutes").isEqualTo(0)
                    .jsonPath("$.overrides").isEmpty()
                    .jsonPath("$.timeOff").isEmpty();

            api.put(freelancer, "/api/availability/rules", Map.of("minimumNoticeMinutes", 120, "maxBookingsPerWeek", 3))
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.minimumNoticeMinutes").isEqualTo(120)
                    .jsonPath("$.maxBookingsPerWeek").isEqualTo(3)
                    .jsonPath("$.horizonDays").isEqualTo(365);
            Map<String, Object> noMaximum = new HashMap<>();
            noMaximum.put("maxBookingsPerWeek", null);
            api.put(freelancer, "/api/availability/rules", noMaximum).expectStatus().isOk().expectBody()
                    .jsonPath("$.minimumNoticeMinutes").isEqualTo(120)
                    .jsonPath("$.maxBookingsPerWeek").isEmpty();
        }

        @Test
        void everyValueOutOfRangeIsA400NamingTheField() {
            Map<String, Integer> outOfRange = Map.of("bufferBeforeMinutes", 241, "bufferAfterMinutes", -1,
                    "minimumNoticeMinutes", 43201, "horizonDays", 0, "maxBookingsPerWeek", 101,
                    "changeCutoffMinutes", 10081);
            outOfRange.forEach((field, value) -> {
                api.put(freelancer, "/api/availability/rules", Map.of(field, value)).expectStatus().isBadRequest()
                        .expectBody().jsonPath("$.code").isEqualTo("request.invalid")
                        .jsonPath("$.errors[0].field").isEqualTo(field);
                api.put(freelancer, "/api/availability/clients/{c}/rules".replace("{c}", client.id().toString()),
                        Map.of(field, value)).expectStatus().isBadRequest()
                        .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
            });
            Map<String, Object> nullHorizon = new HashMap<>();
            nullHorizon.put("horizonDays", null);
            api.put(freelancer, "/api/availability/rules", nullHorizon).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("horizonDays");
            api.put(freelancer, "/api/availability/rules", Map.of("horizonDays", "soon")).expectStatus().isBadRequest();
            api.put(freelancer, "/api/availability/rules", Map.of("weeks", 2)).expectStatus().isBadRequest();
            // nothing changed
            api.get(freelancer, "/api/availability/{f}", freelancer.id()).expectBody()
                    .jsonPath("$.rules.horizonDays").isEqualTo(365);
        }

        @Test
        void onlyTheFreelancerSetsRules() {
            refused(api.put(client, "/api/availability/rules", Map.of("horizonDays", 3)), 403, "role.forbidden");
            refused(api.get(client, "/api/availability/clients/" + client.id() + "/rules"), 403, "role.forbidden");
            refused(api.get(client, "/api/availability/stranded"), 403, "role.forbidden");
        }

        @Test
        void aClientsOwnRulesOverrideTheDefaultsAndNullResetsOne() {
            rules(Map.of("minimumNoticeMinutes", 2880, "horizonDays", 60));
            String uri = "/api/availability/clients/" + client.id() + "/rules";
            api.get(freelancer, uri).expectStatus().isOk().expectBody()
                    .jsonPath("$.clientId").isEqualTo(client.id().toString())
                    .jsonPath("$.minimumNoticeMinutes").isEmpty();
            api.put(freelancer, uri, Map.of("minimumNoticeMinutes", 0, "maxBookingsPerWeek", 2)).expectStatus().isOk()
                    .expectBody().jsonPath("$.minimumNoticeMinutes").isEqualTo(0)
                    .jsonPath("$.maxBookingsPerWeek").isEqualTo(2);

            // the client reads the rules that bind it; the other client the defaults
            api.get(client, "/api/availability/{f}", freelancer.id()).expectStatus().isOk().expectBody()
                    .jsonPath("$.rules.minimumNoticeMinutes").isEqualTo(0)
                    .jsonPath("$.rules.horizonDays").isEqualTo(60)
                    .jsonPath("$.rules.maxBookingsPerWeek").isEqualTo(2)
                    .jsonPath("$.timeOff").doesNotExist();
            api.get(otherClient, "/api/availability/{f}", freelancer.id()).expectBody()
                    .jsonPath("$.rules.minimumNoticeMinutes").isEqualTo(2880);

            Map<String, Object> reset = new HashMap<>();
            reset.put("minimumNoticeMinutes", null);
            api.put(freelancer, uri, reset).expectStatus().isOk().expectBody()
                    .jsonPath("$.minimumNoticeMinutes").isEmpty()
                    .jsonPath("$.maxBookingsPerWeek").isEqualTo(2);
            api.get(client, "/api/availability/{f}", freelancer.id()).expectBody()
                    .jsonPath("$.rules.minimumNoticeMinutes").isEqualTo(2880);
        }

        @Test
        void rulesForSomeoneWhoIsNotAnActiveClientAre422() {
            refused(api.get(freelancer, "/api/availability/clients/" + stranger.id() + "/rules"), 422,
                    "relationship.required");
            refused(api.put(freelancer, "/api/availability/clients/" + stranger.id() + "/rules",
                    Map.of("horizonDays", 3)), 422, "relationship.required");
            refused(api.put(otherFreelancer, "/api/availability/clients/" + client.id() + "/rules",
                    Map.of("horizonDays", 3)), 422, "relationship.required");
        }

        @Test
        void anotherTenantCannotReadTheRules() {
            api.get(stranger, "/api/availability/{f}", freelancer.id()).expectStatus().isNotFound();
            api.get(otherFreelancer, "/api/availability/{f}", freelancer.id()).expectStatus().isNotFound();
        }
    }

    @Nested
    class ClientBookings {

        @Test
        void minimumNoticeHorizonAndWeeklyMaximumRefuseWithTheirCodes() {
            rules(Map.of("minimumNoticeMinutes", 43200, "horizonDays", 60));
            refused(book(client, freelancer, berlin(monday, "10:00"), 60), 422, "booking.too-soon");
            rules(Map.of("minimumNoticeMinutes", 0, "horizonDays", 1));
            refused(book(client, freelancer, berlin(monday, "10:00"), 60), 422, "booking.too-far");
            rules(Map.of("horizonDays", 365, "maxBookingsPerWeek", 1));
            book(client, freelancer, berlin(monday, "10:00"), 60).expectStatus().isCreated();
            refused(book(client, freelancer, berlin(monday.plusDays(4), "10:00"), 60), 422, "booking.limit-reached");
            // another client, and the next week, are not affected; the freelancer is never bound
            book(otherClient, freelancer, berlin(monday.plusDays(1), "10:00"), 60).expectStatus().isCreated();
            book(client, freelancer, berlin(monday.plusDays(7), "10:00"), 60).expectStatus().isCreated();
            book(freelancer, client, berlin(monday.plusDays(2), "10:00"), 60).expectStatus().isCreated();
        }

        @Test
        void buffersKeepRoomAroundEveryBookingOfTheFreelancer() {
            rules(Map.of("bufferAfterMinutes", 30));
            book(freelancer, otherClient, berlin(monday, "10:00"), 60).expectStatus().isCreated();
            WebTestClient.ResponseSpec tooClose = book(client, freelancer, berlin(monday, "11:15"), 60);
            tooClose.expectStatus().isEqualTo(409).expectBody()
                    .jsonPath("$.code").isEqualTo("booking.conflict")
                    .jsonPath("$.conflictingParty").isEqualTo("FREELANCER");
            book(client, freelancer, berlin(monday, "11:30"), 60).expectStatus().isCreated();
            // the freelancer itself is checked for plain overlap only
            book(freelancer, otherClient, berlin(monday, "12:30"), 30).expectStatus().isCreated();
            // a booking keeps the buffers it was made with, after the rules change
            rules(Map.of("bufferAfterMinutes", 0));
            refused(book(client, freelancer, berlin(monday, "13:15"), 30), 409, "booking.conflict");
        }

        @Test
        void theCutOffStopsAClientMovingOrCancellingButNotRetitling() {
            String id = api.book(client, freelancer, berlin(monday, "10:00"), 60);
            rules(Map.of("changeCutoffMinutes", 10080));
            // make it close: the freelancer moves it to tomorrow, which it may
            Instant tomorrow = berlin(LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1), "10:00");
            api.patch(freelancer, "/api/bookings/{id}", Map.of("start", tomorrow.toString()), id).expectStatus().isOk();
            refused(api.patch(client, "/api/bookings/{id}", Map.of("start", berlin(monday, "11:00").toString()), id),
                    422, "booking.change-too-late");
            refused(api.delete(client, "/api/bookings/{id}", id), 422, "booking.change-too-late");
            api.patch(client, "/api/bookings/{id}", Map.of("title", "Still fine"), id).expectStatus().isOk();
            api.delete(freelancer, "/api/bookings/{id}", id).expectStatus().isNoContent();
        }
    }

    @Nested
    class OverridesAndTimeOff {

        @Test
        void anOverrideReplacesTheWeekForItsDateAndDeletingItRestoresTheWeek() {
            LocalDate saturday = monday.plusDays(5);
            api.put(freelancer, "/api/availability/overrides/" + saturday, Map.of("windows",
                            List.of(Map.of("start", "10:00", "end", "12:00"))))
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(STRANDED, "0")
                    .expectBody().jsonPath("$.date").isEqualTo(saturday.toString())
                    .jsonPath("$.windows[0].start").isEqualTo("10:00");
            api.put(freelancer, "/api/availability/overrides/" + monday, Map.of("windows", List.of()))
                    .expectStatus().isOk();

            assertThat(slotStarts(client, saturday, "")).containsExactly(berlin(saturday, "10:00").toString(),
                    berlin(saturday, "11:00").toString());
            assertThat(slotStarts(client, monday, "")).isEmpty();
            refused(book(client, freelancer, berlin(monday, "10:00"), 60), 422, "booking.outside-availability");
            book(client, freelancer, berlin(saturday, "10:00"), 60).expectStatus().isCreated();
            api.get(client, "/api/availability/{f}", freelancer.id()).expectBody()
                    .jsonPath("$.overrides[0].date").isEqualTo(monday.toString())
                    .jsonPath("$.overrides[0].windows").isEmpty()
                    .jsonPath("$.overrides[1].date").isEqualTo(saturday.toString());

            web.delete().uri("/api/availability/overrides/" + monday).headers(h -> h.setBearerAuth(freelancer.token()))
                    .exchange().expectStatus().isNoContent().expectHeader().valueEquals(STRANDED, "0");
            assertThat(slotStarts(client, monday, "")).hasSize(8);
        }

        @Test
        void badOverridesAre400AndChangeNothing() {
            LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1);
            api.put(freelancer, "/api/availability/overrides/" + yesterday, Map.of("windows", List.of()))
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
            api.put(freelancer, "/api/availability/overrides/" + monday, Map.of("windows",
                            List.of(Map.of("start", "12:00", "end", "12:00"))))
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("windows[0]");
            api.put(freelancer, "/api/availability/overrides/" + monday, Map.of("windows",
                            List.of(Map.of("start", "09:00", "end", "12:00"), Map.of("start", "11:00", "end", "13:00"))))
                    .expectStatus().isBadRequest();
            api.put(freelancer, "/api/availability/overrides/" + monday, Map.of("windows",
                    List.of(Map.of("start", "9", "end", "25:00")))).expectStatus().isBadRequest();
            api.put(freelancer, "/api/availability/overrides/not-a-date", Map.of("windows", List.of()))
                    .expectStatus().isBadRequest();
            api.put(freelancer, "/api/availability/overrides/" + monday.plusYears(3), Map.of("windows", List.of()))
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
            refused(api.put(client, "/api/availability/overrides/" + monday, Map.of("windows", List.of())), 403,
                    "role.forbidden");
            api.get(freelancer, "/api/availability/{f}", freelancer.id()).expectBody().jsonPath("$.overrides").isEmpty();
        }

        @Test
        void timeOffTakesTimeAwayAndOnlyTheFreelancerSeesItsNote() {
            Map<String, Object> body = Map.of("start", berlin(monday, "12:00").toString(), "end",
                    berlin(monday, "14:00").toString(), "note", "Dentist");
            String id = api.post(freelancer, "/api/availability/time-off", body)
                    .expectStatus().isCreated()
                    .expectHeader().valueEquals(STRANDED, "0")
                    .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

            assertThat(slotStarts(client, monday, "")).containsExactly(berlin(monday, "09:00").toString(),
                    berlin(monday, "10:00").toString(), berlin(monday, "11:00").toString(),
                    berlin(monday, "14:00").toString(), berlin(monday, "15:00").toString(),
                    berlin(monday, "16:00").toString());
            assertThat(slotStarts(freelancer, monday, "")).hasSize(6);
            refused(book(client, freelancer, berlin(monday, "13:00"), 60), 422, "booking.outside-availability");
            api.get(freelancer, "/api/availability/{f}", freelancer.id()).expectBody()
                    .jsonPath("$.timeOff[0].id").isEqualTo(id)
                    .jsonPath("$.timeOff[0].note").isEqualTo("Dentist");
            api.get(client, "/api/availability/{f}", freelancer.id()).expectBody()
                    .jsonPath("$.timeOff").doesNotExist();
            assertThat(api.get(client, "/api/availability/{f}", freelancer.id()).expectBody(String.class)
                    .returnResult().getResponseBody()).doesNotContain("Dentist");

            api.delete(otherFreelancer, "/api/availability/time-off/{id}", id).expectStatus().isNotFound();
            api.delete(client, "/api/availability/time-off/{id}", id).expectStatus().isForbidden();
            api.delete(freelancer, "/api/availability/time-off/{id}", id).expectStatus().isNoContent()
                    .expectHeader().valueEquals(STRANDED, "0");
            api.delete(freelancer, "/api/availability/time-off/{id}", id).expectStatus().isNotFound();
            book(client, freelancer, berlin(monday, "13:00"), 60).expectStatus().isCreated();
        }

        @Test
        void badTimeOffIs400NamingTheField() {
            String nine = berlin(monday, "09:00").toString();
            api.post(freelancer, "/api/availability/time-off", Map.of("start", nine, "end", nine))
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("end");
            api.post(freelancer, "/api/availability/time-off", Map.of("start", nine, "end",
                            berlin(monday.plusDays(367), "09:00").toString()))
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("end");
            api.post(freelancer, "/api/availability/time-off", Map.of("start", nine, "end",
                            berlin(monday, "10:00").toString(), "note", "x".repeat(501)))
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("note");
            api.post(freelancer, "/api/availability/time-off", Map.of("start", "tomorrow", "end", nine))
                    .expectStatus().isBadRequest();
            api.post(freelancer, "/api/availability/time-off", Map.of("start", 12345, "end", nine))
                    .expectStatus().isBadRequest();
            api.delete(freelancer, "/api/availability/time-off/{id}", "not-a-uuid").expectStatus().isBadRequest();
        }
    }

    @Nested
    class Stranded {

        @Test
        void bookingsTheNewAvailabilityNoLongerAllowsAreListedWithTheirReasonsAndCounted() {
            String clientsMonday = api.book(client, freelancer, berlin(monday, "10:00"), 60);
            String freelancersMonday = api.book(freelancer, otherClient, berlin(monday, "12:00"), 60);
            String clientsTuesday = api.book(client, freelancer, berlin(monday.plusDays(1), "10:00"), 60);

            // Tuesday to Friday only: the client's Monday booking is stranded, the freelancer's own is not
            api.put(freelancer, "/api/availability", Map.of("timeZone", "Europe/Berlin", "weekly",
                            List.of("TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                                    .map(day -> Map.of("day", day, "start", "09:00", "end", "17:00")).toList()))
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(STRANDED, "1");
            api.get(freelancer, "/api/availability/stranded").expectStatus().isOk().expectBody()
                    .jsonPath("$.items.length()").isEqualTo(1)
                    .jsonPath("$.items[0].booking.id").isEqualTo(clientsMonday)
                    .jsonPath("$.items[0].reasons[0]").isEqualTo("OUTSIDE_AVAILABILITY")
                    .jsonPath("$.nextCursor").isEmpty();

            // time off over Monday noon and Tuesday morning strands the rest too, whoever made them
            api.post(freelancer, "/api/availability/time-off", Map.of("start", berlin(monday, "09:30").toString(),
                            "end", berlin(monday.plusDays(1), "11:00").toString()))
                    .expectStatus().isCreated()
                    .expectHeader().valueEquals(STRANDED, "3");
            api.get(freelancer, "/api/availability/stranded?limit=2").expectStatus().isOk().expectBody()
                    .jsonPath("$.items[0].booking.id").isEqualTo(clientsMonday)
                    .jsonPath("$.items[0].reasons").isEqualTo(List.of("OUTSIDE_AVAILABILITY", "TIME_OFF"))
                    .jsonPath("$.items[1].booking.id").isEqualTo(freelancersMonday)
                    .jsonPath("$.items[1].reasons").isEqualTo(List.of("TIME_OFF"))
                    .jsonPath("$.nextCursor").isNotEmpty();
            // nothing was moved or cancelled
            api.get(client, "/api/bookings/{id}", clientsTuesday).expectStatus().isOk();
        }
    }

    @Nested
    class Slots {

        @Test
        void aClientIsOfferedOnlyWhatItCouldBook() {
            rules(Map.of("bufferBeforeMinutes", 60));
            book(freelancer, otherClient, berlin(monday, "12:00"), 60).expectStatus().isCreated();
            book(freelancer, client, berlin(monday, "15:00"), 60).expectStatus().isCreated();

            List<String> offered = slotStarts(client, monday, "");
            // each candidate widened by an hour before it, each booking by the hour it keeps before it
            assertThat(offered).containsExactly(berlin(monday, "09:00").toString(), berlin(monday, "10:00").toString());
            refused(book(client, freelancer, berlin(monday, "11:00"), 60), 409, "booking.conflict");
            refused(book(client, freelancer, berlin(monday, "14:00"), 60), 409, "booking.conflict");
            book(client, freelancer, berlin(monday, "10:00"), 60).expectStatus().isCreated();
            assertThat(slotStarts(client, monday, "")).isEmpty();
        }

        @Test
        void theFreelancerSeesATwoPartyViewForAClient() {
            User busyClient = client;
            api.put(freelancer, "/api/availability/clients/" + busyClient.id() + "/rules",
                    Map.of("maxBookingsPerWeek", 1)).expectStatus().isOk();
            // the client is busy 09:00–10:00 with another freelancer
            connect(otherFreelancer, busyClient);
            book(otherFreelancer, busyClient, berlin(monday, "09:00"), 60).expectStatus().isCreated();

            assertThat(slotStarts(freelancer, monday, "")).hasSize(8);
            assertThat(slotStarts(freelancer, monday, "&clientId=" + busyClient.id())).hasSize(7)
                    .doesNotContain(berlin(monday, "09:00").toString());
            book(freelancer, busyClient, berlin(monday.plusDays(1), "09:00"), 60).expectStatus().isCreated();
            // the client's weekly maximum is reached: nothing left for it this week
            assertThat(slotStarts(freelancer, monday, "&clientId=" + busyClient.id())).isEmpty();
            assertThat(slotStarts(busyClient, monday, "")).isEmpty();

            api.get(freelancer, "/api/availability/{f}/slots?from=" + monday + "&to=" + monday
                    + "&durationMinutes=60&clientId=" + stranger.id(), freelancer.id()).expectStatus().isEqualTo(422);
            api.get(client, "/api/availability/{f}/slots?from=" + monday + "&to=" + monday
                    + "&durationMinutes=60&clientId=" + otherClient.id(), freelancer.id()).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("clientId");
        }
    }

    /**
     * The document says what CONTRACT.md says of the rules' shapes (the web UI's typed client is made from it):
     * every member of an answer present, null exactly where null is allowed, the ranges of each member, and no
     * member the API does not have (an override's window has no {@code day}).
     */
    @Nested
    class TheApiDocument {

        static final List<String> MEMBERS = List.of("bufferBeforeMinutes", "bufferAfterMinutes",
                "minimumNoticeMinutes", "horizonDays", "maxBookingsPerWeek", "changeCutoffMinutes");
        static final Map<String, List<Integer>> RANGES = Map.of("bufferBeforeMinutes", List.of(0, 240),
                "bufferAfterMinutes", List.of(0, 240), "minimumNoticeMinutes", List.of(0, 43200),
                "horizonDays", List.of(1, 730), "maxBookingsPerWeek", List.of(1, 100),
                "changeCutoffMinutes", List.of(0, 10080));
        static final String INTEGER = "\"integer\"";
        static final String INTEGER_OR_NULL = "[\"integer\",\"null\"]";

        JsonNode document;

        @BeforeEach
        void fetch() {
            document = ApiDocuments.of(web).document();
        }

        @Test
        void theRulesAnswersHaveEveryMemberAndNullOnlyWhereTheContractAllowsIt() {
            assertThat(members("BookingRules")).containsExactlyInAnyOrderElementsOf(MEMBERS);
            assertThat(strings(schema("BookingRules").get("required"))).containsExactlyInAnyOrderElementsOf(MEMBERS);
            MEMBERS.forEach(member -> assertThat(type("BookingRules", member)).as(member)
                    .isEqualTo(member.equals("maxBookingsPerWeek") ? INTEGER_OR_NULL : INTEGER));

            List<String> clientMembers = new ArrayList<>(MEMBERS);
            clientMembers.add("clientId");
            assertThat(members("ClientRules")).containsExactlyInAnyOrderElementsOf(clientMembers);
            assertThat(strings(schema("ClientRules").get("required")))
                    .containsExactlyInAnyOrderElementsOf(clientMembers);
            MEMBERS.forEach(member -> assertThat(type("ClientRules", member)).as(member).isEqualTo(INTEGER_OR_NULL));

            assertThat(answer("/api/availability/rules", "put")).isEqualTo(ref("BookingRules"));
            assertThat(answer("/api/availability/clients/{clientId}/rules", "get")).isEqualTo(ref("ClientRules"));
            assertThat(answer("/api/availability/clients/{clientId}/rules", "put")).isEqualTo(ref("ClientRules"));
        }

        @Test
        void theRulesBodiesAreAnyMembersInTheirRangesNullableWhereNullMeansNoRule() {
            assertThat(body("/api/availability/rules", "put")).isEqualTo(ref("RulesRequest"));
            assertThat(body("/api/availability/clients/{clientId}/rules", "put")).isEqualTo(ref("ClientRulesRequest"));
            for (String request : List.of("RulesRequest", "ClientRulesRequest")) {
                assertThat(members(request)).as(request).containsExactlyInAnyOrderElementsOf(MEMBERS);
                assertThat(schema(request).has("required")).as("%s: every member may be absent", request).isFalse();
                RANGES.forEach((member, range) -> {
                    JsonNode property = schema(request).at("/properties/" + member);
                    assertThat(List.of(property.get("minimum").asInt(), property.get("maximum").asInt()))
                            .as("%s.%s", request, member).isEqualTo(range);
                });
            }
            MEMBERS.forEach(member -> {
                assertThat(type("RulesRequest", member)).as(member)
                        .isEqualTo(member.equals("maxBookingsPerWeek") ? INTEGER_OR_NULL : INTEGER);
                assertThat(type("ClientRulesRequest", member)).as(member).isEqualTo(INTEGER_OR_NULL);
            });
        }

        @Test
        void anOverridesWindowIsAStartAndAnEndWithoutADay() {
            assertThat(members("OverrideWindow")).containsExactlyInAnyOrder("start", "end");
            assertThat(strings(schema("OverrideWindow").get("required"))).containsExactlyInAnyOrder("start", "end");
            assertThat(members("DateOverride")).containsExactlyInAnyOrder("date", "windows");
            assertThat(strings(schema("DateOverride").get("required"))).containsExactlyInAnyOrder("date", "windows");
            assertThat(schema("DateOverride").at("/properties/windows/items/$ref").asString())
                    .isEqualTo(ref("OverrideWindow"));
            assertThat(schema("OverrideRequest").at("/properties/windows/items/$ref").asString())
                    .isEqualTo(ref("OverrideWindow"));
            assertThat(strings(schema("OverrideRequest").get("required"))).containsExactly("windows");
            assertThat(body("/api/availability/overrides/{date}", "put")).isEqualTo(ref("OverrideRequest"));
            assertThat(answer("/api/availability/overrides/{date}", "put")).isEqualTo(ref("DateOverride"));
        }

        @Test
        void timeOffHasANullableNoteAndTheAvailabilityCarriesTheRules() {
            assertThat(members("TimeOff")).containsExactlyInAnyOrder("id", "start", "end", "note");
            assertThat(strings(schema("TimeOff").get("required")))
                    .containsExactlyInAnyOrder("id", "start", "end", "note");
            assertThat(schema("TimeOff").at("/properties/note/type").toString()).isEqualTo("[\"string\",\"null\"]");
            assertThat(strings(schema("TimeOffRequest").get("required"))).containsExactlyInAnyOrder("start", "end");
            assertThat(schema("TimeOffRequest").at("/properties/note/type").toString())
                    .isEqualTo("[\"string\",\"null\"]");
            assertThat(answer("/api/availability/time-off", "post")).isEqualTo(ref("TimeOff"));

            assertThat(members("Stranded")).containsExactlyInAnyOrder("booking", "reasons");
            assertThat(strings(schema("Stranded").get("required"))).containsExactlyInAnyOrder("booking", "reasons");

            JsonNode availability = schema("AvailabilityResponse");
            assertThat(availability.at("/properties/rules/$ref").asString()).isEqualTo(ref("BookingRules"));
            assertThat(availability.at("/properties/overrides/items/$ref").asString()).isEqualTo(ref("DateOverride"));
            assertThat(availability.at("/properties/timeOff/items/$ref").asString()).isEqualTo(ref("TimeOff"));
            assertThat(strings(availability.get("required")))
                    .contains("rules", "overrides").doesNotContain("timeOff");  // a client never sees time off
        }

        JsonNode schema(String name) {
            JsonNode schema = document.at("/components/schemas/" + name);
            assertThat(schema.isMissingNode()).as("schema %s", name).isFalse();
            return schema;
        }

        List<String> members(String schema) {
            return schema(schema).get("properties").properties().stream().map(Map.Entry::getKey).toList();
        }

        String type(String schema, String member) {
            return schema(schema).at("/properties/" + member + "/type").toString();
        }

        /** The schema an operation's 2xx answer refers to. */
        String answer(String path, String method) {
            JsonNode responses = operation(path, method).get("responses");
            String status = responses.properties().stream().map(Map.Entry::getKey)
                    .filter(code -> code.startsWith("2")).findFirst().orElseThrow();
            return responses.get(status).get("content").values().iterator().next().at("/schema/$ref").asString();
        }

        String body(String path, String method) {
            return operation(path, method).at("/requestBody/content").values().iterator().next()
                    .at("/schema/$ref").asString();
        }

        JsonNode operation(String path, String method) {
            JsonNode operation = document.get("paths").get(path).get(method);
            assertThat(operation).as("%s %s", method, path).isNotNull();
            return operation;
        }

        static String ref(String schema) {
            return "#/components/schemas/" + schema;
        }

        static List<String> strings(JsonNode array) {
            assertThat(array).as("required").isNotNull();
            return array.values().stream().map(JsonNode::asString).toList();
        }
    }
}
