package io.bantam.local.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import io.bantam.local.system.RunningSystem;
import io.bantam.local.system.World;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The web UI in headless Chromium against the started system: signing in and staying signed in without a token
 * a page script can read, every page of both roles accessible (axe-core: no serious or critical violation) and
 * usable at 1280 and 375 pixels wide (photographed for docs/ui.md), and the one "not found" page for what is
 * not the caller's.
 */
@Order(160)
class WebUiIT extends BrowserSuite {

    static final String BERLIN = "Europe/Berlin";

    /** Each page of the navigation and its deep link. */
    static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("Today", "/today");
        ROUTES.put("Calendar", "/calendar");
        ROUTES.put("Clients", "/clients");
        ROUTES.put("Tasks", "/tasks");
        ROUTES.put("Notes", "/notes");
        ROUTES.put("Availability", "/availability");
        ROUTES.put("Book", "/book");
        ROUTES.put("My bookings", "/my-bookings");
        ROUTES.put("My freelancers", "/my-freelancers");
        ROUTES.put("Profile", "/profile");
    }

    private static World world;

    /** After {@link BrowserSuite#theSystem}: the people and what they have. */
    @BeforeAll
    static void aWorld(RunningSystem running) {
        world = World.build(running.gateway());
        // something for Today and the calendar to show (and the screenshots): a booking tomorrow, a task due today
        java.time.ZoneId berlin = java.time.ZoneId.of(BERLIN);
        java.time.LocalDate today = java.time.LocalDate.now(berlin);
        io.bantam.local.system.Api.Reply booking = running.gateway().post("/api/bookings", Map.of(
                "clientId", world.c1.id(), "title", "Portfolio review", "location", "Studio", "durationMinutes", 60,
                "start", today.plusDays(1).atTime(10, 0).atZone(berlin).toInstant().toString()), world.a.token());
        assertThat(booking.status()).as("%s", booking).isEqualTo(201);
        io.bantam.local.system.Api.Reply task = running.gateway().post("/api/tasks", Map.of("title",
                "Send the quote", "clientId", world.c1.id(), "dueDate", today.toString(), "priority", "HIGH"),
                world.a.token());
        assertThat(task.status()).as("%s", task).isEqualTo(201);
    }


    Page page(String timeZone, int width) {
        context = browser.context(system.gateway().baseUrl(), timeZone, width);
        return context.newPage();
    }

    Path root() {
        return system.settings().root();
    }

    @Test
    void aReloadKeepsThePersonSignedInWithNoTokenAPageScriptCanReadAndSignOutEndsIt() {
        Page page = page(BERLIN, Ui.DESKTOP);
        String email = Ui.newEmail("reload");
        Ui.signUp(page, "Rosa Reload", email, "FREELANCER", BERLIN);
        assertThat(Ui.heading(page, "Today")).isVisible();

        page.reload();
        assertThat(Ui.heading(page, "Today")).isVisible();
        assertThat(Ui.navLink(page, "Calendar")).isVisible();

        // the refresh token is an HttpOnly cookie for /api/auth only; scripts see no cookie and nothing stored
        List<Cookie> cookies = context.cookies();
        assertThat(cookies).extracting(cookie -> cookie.name).containsExactly("bantam_refresh");
        Cookie refresh = cookies.get(0);
        assertThat(refresh.httpOnly).isTrue();
        assertThat(refresh.secure).isTrue();
        assertThat(refresh.path).isEqualTo("/api/auth");
        assertThat(page.evaluate("() => document.cookie")).isEqualTo("");
        Object stored = page.evaluate("() => JSON.stringify([Object.entries(localStorage), "
                + "Object.entries(sessionStorage)])");
        assertThat(String.valueOf(stored)).doesNotContain(refresh.value).doesNotContain("eyJ");

        Ui.button(page, "Sign out").click();
        assertThat(Ui.button(page, "Sign in")).isVisible();
        assertThat(context.cookies()).extracting(cookie -> cookie.name).doesNotContain("bantam_refresh");
        page.reload();
        assertThat(Ui.button(page, "Sign in")).isVisible();
    }

    @Test
    void everyPageOfAFreelancerIsAccessibleAndFitsBothWidths() {
        for (int width : new int[] {Ui.DESKTOP, Ui.PHONE}) {
            Page page = page(BERLIN, width);
            Ui.signIn(page, world.a.email());
            for (String name : Ui.FREELANCER_PAGES) {
                checkPage(page, name, "freelancer", width);
            }
            context.close();
            context = null;
        }
    }

    @Test
    void everyPageOfAClientIsAccessibleAndFitsBothWidths() {
        for (int width : new int[] {Ui.DESKTOP, Ui.PHONE}) {
            Page page = page("America/New_York", width);
            Ui.signIn(page, world.c1.email());
            for (String name : Ui.CLIENT_PAGES) {
                checkPage(page, name, "client", width);
            }
            context.close();
            context = null;
        }
    }

    @Test
    void theSignInSignUpAndNotFoundPagesAreAccessibleToo() {
        for (int width : new int[] {Ui.DESKTOP, Ui.PHONE}) {
            Page page = page(BERLIN, width);
            page.navigate("/signin");
            assertThat(Ui.button(page, "Sign in")).isVisible();
            check(page, "signin", width);
            page.navigate("/signup");
            assertThat(Ui.button(page, "Create account")).isVisible();
            check(page, "signup", width);
            Ui.signIn(page, world.b.email());
            page.navigate("/clients/" + UUID.randomUUID());
            assertThat(Ui.heading(page, "Not found")).isVisible();
            check(page, "not-found", width);
            context.close();
            context = null;
        }
    }

    @Test
    void aDeepLinkToAnotherFreelancersClientOrBookingShowsTheSameNotFoundAsAnUnknownOne() {
        Page page = page(BERLIN, Ui.DESKTOP);
        Ui.signIn(page, world.b.email());

        page.navigate("/clients/" + UUID.randomUUID());
        assertThat(Ui.heading(page, "Not found")).isVisible();
        String unknown = page.getByRole(com.microsoft.playwright.options.AriaRole.MAIN).innerText();

        for (String path : List.of("/clients/" + world.relationshipAC1, "/clients/" + world.c1.id(),
                "/bookings/" + world.bookingA)) {
            page.navigate(path);
            assertThat(Ui.heading(page, "Not found")).isVisible();
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.MAIN).innerText()).as(path)
                    .isEqualTo(unknown);
            assertThat(page.content()).as(path).doesNotContain(world.c1.name()).doesNotContain(world.c1.email());
        }
        // B's own client loads
        page.navigate("/clients/" + world.relationshipBC);
        assertThat(Ui.heading(page, world.c.name())).isVisible();
        Ui.settled(page);
        check(page, "client", Ui.DESKTOP);
    }

    private void checkPage(Page page, String name, String role, int width) {
        page.navigate(ROUTES.get(name));
        assertThat(Ui.heading(page, name)).isVisible();
        Ui.settled(page);
        String shot = name.toLowerCase().replace(' ', '-');
        check(page, role.equals("client") && name.equals("Profile") ? "client-profile" : shot, width);
    }

    private void check(Page page, String name, int width) {
        Ui.assertAccessible(page, name + " at " + width + " px");
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("%s at %d px scrolls sideways by", name, width)
                .isLessThanOrEqualTo(0);
        Ui.screenshot(page, root(), width == Ui.DESKTOP ? name : name + "-" + width);
    }
}
