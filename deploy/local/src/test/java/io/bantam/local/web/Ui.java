package io.bantam.local.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.bantam.local.system.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How the browser tests use the web UI: only by roles and accessible names (CONTRACT.md, "Web UI"), the way a
 * person with a screen reader would. Screenshots go to {@code deploy/local/target/ui/}, and with
 * {@code -Dbantam.ui.docs=true} to {@code docs/ui/} as well (docs/ui.md shows them).
 */
final class Ui {

    static final String PASSWORD = World.PASSWORD;
    static final int DESKTOP = 1280;
    static final int PHONE = 375;
    static final List<String> FREELANCER_PAGES = List.of("Today", "Calendar", "Clients", "Tasks", "Notes",
            "Availability", "Profile");
    static final List<String> CLIENT_PAGES = List.of("Book", "My bookings", "My freelancers", "Profile");

    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private Ui() {
    }

    static String newEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Signs up through the API, with a display name ("Carl Client") and an email of its own. */
    static World.User apiSignUp(io.bantam.local.system.Api api, String role, String name) {
        String email = newEmail(name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", ""));
        io.bantam.local.system.Api.Reply signup = api.post("/api/auth/signup", java.util.Map.of("email", email,
                "password", PASSWORD, "name", name, "role", role, "timeZone", "Europe/Berlin"), null);
        org.assertj.core.api.Assertions.assertThat(signup.status()).as("%s", signup).isEqualTo(201);
        return new World.User(signup.body().path("user").path("id").asString(), email, name, role,
                signup.get("accessToken"), signup.get("refreshToken"));
    }

    /** Signs up through the sign-up form and waits for the signed-in app (its Profile link). */
    static void signUp(Page page, String name, String email, String role, String timeZone) {
        page.navigate("/signup");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions()
                .setName(role.equals("CLIENT") ? "Client" : "Freelancer").setExact(true)).check();
        page.getByLabel("Time zone", new Page.GetByLabelOptions().setExact(true)).selectOption(timeZone);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        assertThat(navLink(page, "Profile")).isVisible();
    }

    /** Signs in through the sign-in form (someone signed up through the API, say). */
    static void signIn(Page page, String email) {
        page.navigate("/signin");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(navLink(page, "Profile")).isVisible();
    }

    static Locator navLink(Page page, String name) {
        return page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Opens a page from the navigation and waits for its heading. */
    static void open(Page page, String name) {
        navLink(page, name).click();
        assertThat(heading(page, name)).isVisible();
    }

    static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(1));
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    /** Waits until nothing on the page says it is loading ({@code aria-busy}). */
    static void settled(Page page) {
        assertThat(page.locator("[aria-busy=true]")).hasCount(0);
    }

    /** axe-core on the page as it is: no serious or critical violation, or the failure lists each. */
    static void assertAccessible(Page page, String what) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                "best-practice")).analyze();
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .toList();
        assertThat(blocking).as("serious or critical axe violations on %s (%s):%n%s", what, page.url(),
                blocking.stream().map(Ui::describe).collect(Collectors.joining("\n"))).isEmpty();
    }

    private static String describe(Rule rule) {
        return "  " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", "));
    }

    /** A full-page screenshot named {@code <name>.png}; see the class comment for where it goes. */
    static void screenshot(Page page, Path root, String name) {
        Path target = root.resolve("deploy/local/target/ui").resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(target).setFullPage(true)
                .setAnimations(com.microsoft.playwright.options.ScreenshotAnimations.DISABLED));
        if (Boolean.getBoolean("bantam.ui.docs")) {
            try {
                Path docs = root.resolve("docs/ui");
                Files.createDirectories(docs);
                Files.copy(target, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
