package io.bantam.local.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.bantam.local.system.Api.Reply;
import io.bantam.local.system.World;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web UI when the API refuses or a service is down, in Chromium: a slot taken meanwhile (409, which party
 * is busy, in words), hours withdrawn meanwhile (422), and a stopped service (503 with its Retry-After as a
 * countdown; the page recovers by itself once the service is back). Last of all the suites, after
 * {@code FaultsIT}, because it stops a service (and starts it again, pass or fail).
 */
@Order(950)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebErrorsIT extends BrowserSuite {

    static final String BERLIN = "Europe/Berlin";

    @Test
    @Order(1)
    void aSlotTakenMeanwhileIsA409ThatSaysTheFreelancerIsBusy() {
        Booker booker = Booker.start(this);
        // another client takes the very slot the page offered
        World.User other = Ui.apiSignUp(gateway, "CLIENT", "Olga Other");
        assertThat(gateway.post("/api/relationships", Map.of("clientEmail", other.email()),
                booker.freelancer.token()).status()).isEqualTo(201);
        Reply taken = World.eventually(() -> gateway.post("/api/bookings", Map.of("clientId", other.id(),
                "start", booker.slot, "durationMinutes", 60, "title", "Taken"), booker.freelancer.token()),
                reply -> reply.status() != 422);
        assertThat(taken.status()).as("%s", taken).isEqualTo(201);

        Ui.button(booker.page, "Confirm booking").click();

        assertThat(alert(booker.page, "The freelancer already has another booking at that time.")).isVisible();
        assertThat(Ui.heading(booker.page, "Book")).isVisible();
        assertThat(clientBookings(booker)).isZero();
    }

    @Test
    @Order(2)
    void hoursWithdrawnMeanwhileAreA422InWords() {
        Booker booker = Booker.start(this);
        Reply none = gateway.put("/api/availability", Map.of("timeZone", BERLIN, "weekly", List.of()),
                booker.freelancer.token());
        assertThat(none.status()).as("%s", none).isEqualTo(200);

        Ui.button(booker.page, "Confirm booking").click();

        assertThat(alert(booker.page, "That time is outside the freelancer's availability.")).isVisible();
        assertThat(clientBookings(booker)).isZero();
    }

    @Test
    @Order(3)
    void aStoppedServiceIsA503CountdownAndThePageRecoversByItself() throws Exception {
        World.User freelancer = Ui.apiSignUp(gateway, "FREELANCER", "Sam Stopped");
        assertThat(gateway.post("/api/tasks", Map.of("title", "Survive the outage"), freelancer.token()).status())
                .isEqualTo(201);
        context = browser.context(gateway.baseUrl(), BERLIN, Ui.DESKTOP);
        Page page = context.newPage();
        Ui.signIn(page, freelancer.email());

        system.local().stopService("task");
        try {
            assertThat(system.local().isRunning("task")).isFalse();
            Ui.open(page, "Tasks");
            assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions()
                    .setHasText(Pattern.compile("not answering right now.*Try(ing)? again in \\d+ s")))
                    .first()).isVisible();
        } finally {
            if (!system.local().isRunning("task")) {
                system.local().startService("task");
            }
        }
        // reads are retried once the countdown ends: the list comes without a reload
        assertThat(page.getByText("Survive the outage")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
    }

    private static Locator alert(Page page, String words) {
        return page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText(words)).first();
    }

    private static int clientBookings(Booker booker) {
        Reply mine = gateway.get("/api/bookings?from=2026-01-01T00:00:00Z&to=2030-01-01T00:00:00Z",
                booker.client.token());
        return mine.body().path("items").size();
    }

    /** A client on the Book page with the first free slot picked and a title typed, about to confirm. */
    private record Booker(World.User freelancer, World.User client, Page page, String slot) {

        static Booker start(WebErrorsIT test) {
            World.User freelancer = Ui.apiSignUp(gateway, "FREELANCER", "Frida Busy");
            assertThat(gateway.put("/api/availability", World.weekly(BERLIN), freelancer.token()).status())
                    .isEqualTo(200);
            World.User client = Ui.apiSignUp(gateway, "CLIENT", "Cleo Client");
            assertThat(gateway.post("/api/relationships", Map.of("clientEmail", client.email()),
                    freelancer.token()).status()).isEqualTo(201);
            // the slot the page will offer first: the first free one from today on, for both of them
            LocalDate today = LocalDate.now(ZoneId.of(BERLIN));
            Reply slots = World.eventually(() -> gateway.get("/api/availability/" + freelancer.id() + "/slots?from="
                    + today + "&to=" + today.plusDays(13) + "&durationMinutes=60", client.token()),
                    reply -> reply.status() == 200 && reply.body().path("items").size() > 0);
            String first = slots.body().path("items").get(0).path("start").asString();

            test.context = browser.context(gateway.baseUrl(), BERLIN, Ui.DESKTOP);
            Page page = test.context.newPage();
            Ui.signIn(page, client.email());
            Ui.open(page, "Book");
            Locator firstSlot = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("^Free times on"))).getByRole(AriaRole.BUTTON).first();
            assertThat(firstSlot).hasText(Pattern.compile("^" + java.time.Instant.parse(first)
                    .atZone(ZoneId.of(BERLIN)).toLocalTime().toString()));
            firstSlot.click();
            Ui.field(page, "Title").fill("Too late");
            return new Booker(freelancer, client, page, first);
        }
    }
}
