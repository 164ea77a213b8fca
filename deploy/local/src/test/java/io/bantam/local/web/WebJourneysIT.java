package io.bantam.local.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.bantam.local.system.Api.Reply;
import io.bantam.local.system.World;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The journeys, in Chromium through the UI only (roles and accessible names), each effect checked
 * through the API afterwards: a freelancer's day, and a client in New York booking, rescheduling and cancelling
 * across New York's next real daylight-saving change (computed from the zone rules, so the test never ages).
 * The slot picker shows the 14 days from the browser's today, so the browser's clock (only the browser's:
 * Playwright's clock, flowing from there) starts two days before that change; the server keeps its real clock,
 * for which those days are simply in the future. Playwright's clock fakes Date, not Chromium's native Temporal,
 * so that test removes the native Temporal and the web UI's temporal-polyfill (which reads Date.now()) runs.
 */
@Order(180)
class WebJourneysIT extends BrowserSuite {

    static final String BERLIN = "Europe/Berlin";
    static final String NEW_YORK = "America/New_York";
    /** The web UI's day label ("Sat 13 Mar": en-GB, short weekday and month). */
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday");

    @Test
    void aFreelancerSignsUpPublishesHoursConnectsBooksDragsCompletesATaskAndFindsANote() {
        context = browser.context(gateway.baseUrl(), BERLIN, Ui.DESKTOP);
        Page page = context.newPage();
        String email = Ui.newEmail("fiona");
        World.User client = Ui.apiSignUp(gateway, "CLIENT", "Carl Client");

        // sign up
        Ui.signUp(page, "Fiona Freelancer", email, "FREELANCER", BERLIN);
        String token = apiLogin(email);
        Reply me = gateway.get("/api/users/me", token);
        assertThat(me.get("timeZone")).as("the zone chosen at sign-up: %s", me).isEqualTo(BERLIN);
        String freelancerId = me.get("id");

        // availability: every day 09:00-17:00, Monday until 18:00
        // the editor takes the saved hours (none yet) once they arrive: open it and wait for them first
        page.waitForResponse(response -> response.url().contains("/api/availability/" + freelancerId)
                && response.request().method().equals("GET"), () -> Ui.open(page, "Availability"));
        Ui.settled(page);
        Ui.field(page, "Time zone of these hours").selectOption(BERLIN);
        for (String day : DAYS) {
            Ui.button(page, "Add a window on " + day).click();
        }
        Ui.field(page, "Monday window 1 end").fill("18:00");
        Ui.button(page, "Save availability").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Saved")))
                .isVisible();
        JsonNode availability = gateway.get("/api/availability/" + freelancerId, token).body();
        assertThat(availability.path("timeZone").asString()).isEqualTo(BERLIN);
        assertThat(availability.path("weekly").size()).isEqualTo(7);
        assertThat(availability.path("weekly").toString()).contains("\"MONDAY\"", "\"18:00\"");

        // connect a client by email
        Ui.open(page, "Clients");
        Ui.field(page, "Client's email").fill(client.email());
        Ui.button(page, "Connect").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Connected")))
                .isVisible();

        // book from the calendar (its New booking dialog: the slot picker, the keyboard path)
        Ui.open(page, "Calendar");
        Ui.button(page, "New booking").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        World.eventually(() -> gateway.get("/api/availability/" + freelancerId + "/slots?from="
                + java.time.LocalDate.now() + "&to=" + java.time.LocalDate.now().plusDays(1)
                + "&durationMinutes=60&clientId=" + client.id(), token), reply -> reply.status() == 200);
        dialog.getByLabel("Client", new Locator.GetByLabelOptions().setExact(true)).selectOption(
                new com.microsoft.playwright.options.SelectOption().setLabel("Carl Client"));
        dialog.getByLabel("Title", new Locator.GetByLabelOptions().setExact(true)).fill("Kick-off");
        dialog.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName(Pattern.compile("^Free times on")))
                .getByRole(AriaRole.BUTTON).first().click();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Book").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Booked")))
                .isVisible();
        JsonNode booking = onlyBooking(token);
        Instant booked = Instant.parse(booking.path("start").asString());
        assertThat(booking.path("title").asString()).isEqualTo("Kick-off");
        assertThat(booking.path("clientId").asString()).isEqualTo(client.id());

        // drag it later (its height is its hour); the week may need turning to show it
        // (weeks start on Monday; the first free slot may fall in a later week)
        LocalDate thisMonday = LocalDate.now(ZoneId.of(BERLIN)).with(TemporalAdjusters.previousOrSame(
                DayOfWeek.MONDAY));
        LocalDate bookedMonday = booked.atZone(ZoneId.of(BERLIN)).toLocalDate().with(
                TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (long week = 0; week < ChronoUnit.WEEKS.between(thisMonday, bookedMonday); week++) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next week")).click();
        }
        Locator event = page.getByText("Kick-off").first();
        assertThat(event).isVisible();
        event.scrollIntoViewIfNeeded();
        BoundingBox box = event.boundingBox();
        double x = box.x + box.width / 2;
        double y = box.y + Math.min(10, box.height / 4);
        page.mouse().move(x, y);
        page.mouse().down();
        page.mouse().move(x, y + box.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().move(x, y + box.height, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().up();
        Reply moved = World.eventually(() -> gateway.get("/api/bookings/" + booking.path("id").asString(), token),
                reply -> !reply.get("start").equals(booking.path("start").asString()));
        // dropped later on the 30-minute grid (where exactly depends on the pointer's path over the slots)
        Duration by = Duration.between(booked, Instant.parse(moved.get("start")));
        assertThat(by).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(by.toMinutes() % 30).isZero();
        assertThat(moved.body().path("durationMinutes").asInt()).isEqualTo(60);

        // complete a task with one click
        Reply task = gateway.post("/api/tasks", Map.of("title", "Send the contract", "clientId", client.id(),
                "dueDate", java.time.LocalDate.now().toString()), token);
        assertThat(task.status()).as("%s", task).isEqualTo(201);
        Ui.open(page, "Tasks");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Done: Send the contract")).click();
        World.eventually(() -> gateway.get("/api/tasks/" + task.get("id"), token),
                reply -> reply.body().path("completed").asBoolean(false));

        // two notes (written through the API), one found by a stemmed search in the UI
        for (String text : List.of("Calling about the wedding photos on Friday", "Prefers email over phone")) {
            Reply note = World.eventually(() -> gateway.post("/api/notes", Map.of("clientId", client.id(), "text",
                    text), token), reply -> reply.status() != 422);
            assertThat(note.status()).as("%s", note).isEqualTo(201);
        }
        Ui.open(page, "Notes");
        assertThat(page.getByText("Prefers email over phone")).isVisible();
        Ui.field(page, "Search notes").fill("call photo");
        Ui.button(page, "Search").click();
        assertThat(page.getByText("Calling about the wedding photos on Friday")).isVisible();
        assertThat(page.getByText("Prefers email over phone")).isHidden();
    }

    @Test
    void aClientInNewYorkBooksReschedulesAndCancelsAcrossTheDaylightSavingChange() {
        ZoneId newYork = ZoneId.of(NEW_YORK);
        ZoneId berlin = ZoneId.of(BERLIN);
        ZoneOffsetTransition change = newYork.getRules().nextTransition(Instant.now());
        LocalDate changeDay = change.getDateTimeBefore().toLocalDate();
        LocalDate before = changeDay.minusDays(1);
        LocalDate after = changeDay.plusDays(1);
        LocalDate later = changeDay.plusDays(2);
        // the freelancer's 09:00 in Berlin, as New York's wall clock shows it on either side of the change (Berlin
        // changes on another Sunday: two or three weeks later in spring, a week earlier in autumn)
        String nineBefore = newYorkTime(before, "09:00", berlin, newYork);
        String nineAfter = newYorkTime(after, "09:00", berlin, newYork);
        String tenLater = newYorkTime(later, "10:00", berlin, newYork);
        assertThat(nineBefore).as("the change moves Berlin's 09:00 on New York's clock").isNotEqualTo(nineAfter);

        World.User freelancer = Ui.apiSignUp(gateway, "FREELANCER", "Berta Berlin");
        Reply hours = gateway.put("/api/availability", World.weekly(BERLIN), freelancer.token());
        assertThat(hours.status()).as("%s", hours).isEqualTo(200);
        String email = Ui.newEmail("nyc");

        context = browser.context(gateway.baseUrl(), NEW_YORK, Ui.DESKTOP);
        // Chromium has Temporal natively, and Playwright's clock fakes Date but not Temporal.Now: without the
        // native one the web UI's temporal-polyfill takes over, which reads the (faked) Date.now()
        context.addInitScript("delete globalThis.Temporal;");
        context.clock().setSystemTime(ZonedDateTime.of(changeDay.minusDays(2), LocalTime.NOON, newYork)
                .toInstant().toEpochMilli());
        Page page = context.newPage();
        Ui.signUp(page, "Nina York", email, "CLIENT", NEW_YORK);
        String token = apiLogin(email);
        String clientId = gateway.get("/api/users/me", token).get("id");
        Reply connected = gateway.post("/api/relationships", Map.of("clientEmail", email), freelancer.token());
        assertThat(connected.status()).as("%s", connected).isEqualTo(201);

        // the connection reaches booking-service over Kafka: then the client may see the freelancer's hours
        World.eventually(() -> gateway.get("/api/availability/" + freelancer.id(), token),
                reply -> reply.status() == 200);
        // a fresh load: the connections the app read at sign-up had none
        page.navigate("/book");
        assertThat(Ui.heading(page, "Book")).isVisible();
        Locator days = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Day").setExact(true));
        days.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(DAY.format(before)).setExact(true))
                .click();
        assertThat(firstSlot(page)).hasText(Pattern.compile("^" + nineBefore + ".*09:00"));
        days.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(DAY.format(after)).setExact(true))
                .click();
        assertThat(firstSlot(page)).hasText(Pattern.compile("^" + nineAfter + ".*09:00"));
        firstSlot(page).click();
        Ui.field(page, "Title").fill("Portrait session");
        Ui.button(page, "Confirm booking").click();
        assertThat(Ui.heading(page, "Portrait session")).isVisible();
        assertThat(page.getByText(Pattern.compile(DAY.format(after) + ", " + nineAfter
                + ".*\\(America/New_York\\)")).first()).isVisible();
        assertThat(page.getByText(Pattern.compile(DAY.format(after) + ", 09:00"
                + ".*\\(Europe/Berlin\\)")).first()).isVisible();
        JsonNode booking = onlyBooking(token);
        assertThat(Instant.parse(booking.path("start").asString()))
                .isEqualTo(ZonedDateTime.of(after, LocalTime.of(9, 0), berlin).toInstant());
        assertThat(booking.path("clientId").asString()).isEqualTo(clientId);
        assertThat(booking.path("freelancerId").asString()).isEqualTo(freelancer.id());

        // reschedule to the next day, 10:00 in Berlin
        Ui.button(page, "Reschedule").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Day").setExact(true))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(DAY.format(later)).setExact(true))
                .click();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^" + tenLater
                + ".*10:00"))).first().click();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Move to")))
                .click();
        assertThat(page.getByText(Pattern.compile(DAY.format(later) + ", " + tenLater
                + ".*\\(America/New_York\\)")).first()).isVisible();
        String id = booking.path("id").asString();
        World.eventually(() -> gateway.get("/api/bookings/" + id, token), reply -> Instant.parse(reply.get("start"))
                .equals(ZonedDateTime.of(later, LocalTime.of(10, 0), berlin).toInstant()));

        // cancel, with the confirmation
        Ui.button(page, "Cancel booking").click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Cancel booking").setExact(true)).click();
        World.eventually(() -> gateway.get("/api/bookings/" + id, token), reply -> reply.status() == 404);
        assertThat(gateway.get("/api/bookings/" + id, freelancer.token()).status()).isEqualTo(404);
    }

    private static String newYorkTime(LocalDate day, String berlinTime, ZoneId berlin, ZoneId newYork) {
        return ZonedDateTime.of(day, LocalTime.parse(berlinTime), berlin).withZoneSameInstant(newYork)
                .toLocalTime().toString();
    }

    private static Locator firstSlot(Page page) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(Pattern.compile("^Free times on")))
                .getByRole(AriaRole.BUTTON).first();
    }

    /** The same person signed in through the API, to check what the UI did. */
    private static String apiLogin(String email) {
        Reply login = gateway.post("/api/auth/login", Map.of("email", email, "password", Ui.PASSWORD), null);
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        return login.get("accessToken");
    }

    private static JsonNode onlyBooking(String token) {
        Reply bookings = gateway.get("/api/bookings?from=" + Instant.now().minus(Duration.ofDays(1)) + "&to="
                + Instant.now().plus(Duration.ofDays(400)), token);
        assertThat(bookings.body().path("items").size()).as("%s", bookings).isEqualTo(1);
        return bookings.body().path("items").get(0);
    }
}
