package io.bantam.local.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.bantam.local.system.Api;
import io.bantam.local.system.Api.Reply;
import io.bantam.local.system.World;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web UI's speed, measured in Chromium with the browser's Performance API against the started system, and
 * written down (docs/benchmarks.md, "Web UI in the browser"): the initial JavaScript (gzip), the Today page
 * from navigation to interactive, a month of 300 bookings from the click to the painted grid. Numbers are
 * printed and kept in {@code deploy/local/target/ui/performance.md}. Only the JavaScript size is asserted (a
 * size does not depend on the machine's load); the times are benchmarks, recorded, not timed assertions.
 */
@Order(170)
class WebPerformanceIT extends BrowserSuite {

    private static final Logger log = LoggerFactory.getLogger(WebPerformanceIT.class);

    static final String BERLIN = "Europe/Berlin";
    static final long INITIAL_JS_BUDGET = 150 * 1024;
    static final int RUNS = 5;

    private static final Map<String, String> results = Collections.synchronizedMap(new LinkedHashMap<>());

    @AfterAll
    static void writeDown() throws IOException {
        StringBuilder text = new StringBuilder("| measure | result |\n|---|---|\n");
        results.forEach((name, value) -> text.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        text.append("\nChromium ").append(browser.version()).append(", load average ")
                .append(String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage())).append('\n');
        Path file = system.settings().root().resolve("deploy/local/target/ui/performance.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        log.info("WebPerformanceIT:\n{}", text);
    }

    Page page(int width) {
        context = browser.context(system.gateway().baseUrl(), BERLIN, width);
        return context.newPage();
    }

    @Test
    void theInitialJavaScriptIsAtMost150KbGzipAndTheCalendarIsLoadedLazily() {
        World.User freelancer = World.signUp(system.gateway(), "FREELANCER", "perf-js");
        Page page = page(Ui.DESKTOP);
        Ui.signIn(page, freelancer.email());
        page.navigate("/today");
        assertThat(Ui.heading(page, "Today")).isVisible();
        Ui.settled(page);
        Set<String> initial = scripts(page);

        Ui.open(page, "Calendar");
        Ui.settled(page);
        Set<String> later = scripts(page);
        later.removeAll(initial);

        long initialGzip = initial.stream().mapToLong(WebPerformanceIT::gzipSize).sum();
        long calendarGzip = later.stream().mapToLong(WebPerformanceIT::gzipSize).sum();
        results.put("initial JavaScript (sign-in to Today), gzip", kb(initialGzip) + " in " + initial.size()
                + " file(s) (budget 150 KB)");
        results.put("loaded when the Calendar opens, gzip", kb(calendarGzip) + " in " + later.size() + " file(s)");
        assertThat(initialGzip).as("initial JavaScript, gzip bytes: %s", initial)
                .isLessThanOrEqualTo(INITIAL_JS_BUDGET);
        assertThat(later).as("the calendar's code is loaded only when the Calendar opens").isNotEmpty();
    }

    @Test
    void todayFromNavigationToInteractive() {
        World world = World.build(system.gateway());
        Page page = page(Ui.DESKTOP);
        Ui.signIn(page, world.a.email());
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            // a full navigation, as when the person opens Bantam: the session comes back from the cookie
            page.navigate("/today");
            Object ready = page.waitForFunction("() => {"
                    + " const heading = [...document.querySelectorAll('h1')]"
                    + "   .some(h => h.textContent.trim() === 'Today');"
                    + " const busy = document.querySelector('[aria-busy=true]');"
                    + " return heading && !busy ? performance.now() : false; }").jsonValue();
            times.add(((Number) ready).doubleValue());
        }
        Collections.sort(times);
        results.put("Today: navigation start to interactive (heading, lists loaded), " + RUNS + " runs",
                String.format("median %.0f ms, max %.0f ms (bar 1500 ms)", times.get(RUNS / 2), times.get(RUNS - 1)));
        assertThat(times).allSatisfy(time -> assertThat(time).isPositive());
    }

    @Test
    void aMonthWith300BookingsFromClickToPaintedGrid() {
        Api gateway = system.gateway();
        World.User freelancer = World.signUp(gateway, "FREELANCER", "perf-month");
        List<World.User> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            World.User client = World.signUp(gateway, "CLIENT", "perf-client" + i);
            Reply connected = gateway.post("/api/relationships", Map.of("clientEmail", client.email()),
                    freelancer.token());
            assertThat(connected.status()).as("%s", connected).isEqualTo(201);
            clients.add(client);
        }
        ZoneId zone = ZoneId.of(BERLIN);
        LocalDate firstOfNextMonth = LocalDate.now(zone).withDayOfMonth(1).plusMonths(1);
        int perDay = (300 + firstOfNextMonth.lengthOfMonth() - 1) / firstOfNextMonth.lengthOfMonth();
        int made = 0;
        for (LocalDate day = firstOfNextMonth; made < 300; day = day.plusDays(1)) {
            for (int slot = 0; slot < perDay && made < 300; slot++, made++) {
                ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(7, 0), zone).plusMinutes(40L * slot);
                World.User client = clients.get(made % clients.size());
                Map<String, Object> body = Map.of("clientId", client.id(), "start", start.toInstant().toString(),
                        "durationMinutes", 30, "title", "Session " + made);
                Reply booked = World.eventually(() -> gateway.post("/api/bookings", body, freelancer.token()),
                        reply -> reply.status() != 422);
                assertThat(booked.status()).as("%s", booked).isEqualTo(201);
            }
        }

        Page page = page(Ui.DESKTOP);
        Ui.signIn(page, freelancer.email());
        Ui.open(page, "Calendar");
        // FullCalendar's view switcher is a tab list ("Month view"), its arrows "Previous month", "Next month"
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Month view")).click();
        Ui.settled(page);
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            times.add(clickAndMeasure(page, "Next month", true));
            clickAndMeasure(page, "Previous month", false);
        }
        double firstRun = times.get(0);
        Collections.sort(times);
        results.put("Calendar, month view with 300 bookings: click Next to the painted month, " + RUNS + " runs",
                String.format("median %.0f ms, max %.0f ms; the first run, which fetches the month: %.0f ms "
                        + "(bar 300 ms)", times.get(RUNS / 2), times.get(RUNS - 1), firstRun));
    }

    /**
     * Clicks the calendar's button and measures, in the page, until the next frame after the month with the
     * bookings is painted (or is gone): a booking from the middle of that month, which no other month's grid
     * shows, is on screen, and nothing is loading.
     */
    private double clickAndMeasure(Page page, String button, boolean shown) {
        page.evaluate("() => { window.bantamClick = performance.now(); }");
        // not exact: FullCalendar says "Next Month" (its hint with the unit's own text)
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
        // polled on every animation frame (Playwright's default): the first frame that shows the month
        Object painted = page.waitForFunction("shown => {"
                + " const there = document.body.innerText.includes('Session 150');"
                + " const busy = document.querySelector('[aria-busy=true]');"
                + " return !busy && there === shown ? performance.now() - window.bantamClick : false; }", shown)
                .jsonValue();
        return ((Number) painted).doubleValue();
    }

    /** The JavaScript files the page has loaded so far (the module script and every chunk it imported). */
    private static Set<String> scripts(Page page) {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) page.evaluate("() => performance.getEntriesByType('resource')"
                + ".map(e => e.name).filter(n => new URL(n).pathname.endsWith('.js'))");
        return new LinkedHashSet<>(names);
    }

    private static long gzipSize(String url) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                gzip.write(response.body());
            }
            return bytes.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String kb(long bytes) {
        return String.format("%.1f KB", bytes / 1024.0);
    }
}
