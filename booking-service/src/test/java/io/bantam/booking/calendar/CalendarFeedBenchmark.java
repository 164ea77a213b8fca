package io.bantam.booking.calendar;

import io.bantam.booking.support.Api;
import io.bantam.booking.support.User;
import io.bantam.service.testsupport.TestSecurity;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The calendar feed benchmark (deploy/bench/calendar/run.sh, figures in docs/benchmarks.md, "Calendar feed"): a
 * user with 2,000 bookings in the feed's range (plus 200 cancelled in the last 31 days, and 20,000 bookings of other
 * users in the same table), the feed fetched over HTTP on loopback, one request at a time, after a warm-up. Not a
 * test: its name keeps it out of the surefire and failsafe runs; it reports, it does not assert.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.io.bantam.service.tracing.RequestLogWebFilter=warn"})
@Import(TestSecurity.class)
@WithPostgres
@WithKafka
class CalendarFeedBenchmark {

    static final int BOOKINGS = Integer.getInteger("bench.bookings", 2000);
    static final int WARM_UP = Integer.getInteger("bench.warmup", 300);
    static final int RUNS = Integer.getInteger("bench.runs", 1000);

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient db;

    @Test
    void feedOfAUserWith2000Bookings() throws IOException {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).codecs(c -> c.defaultCodecs().maxInMemorySize(16 << 20))
                .build();
        User user = User.freelancer();
        seed(user);
        String url = new Api(web).get(user, "/api/calendar/feed").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("url").toString();
        String path = url.substring(url.indexOf("/calendar/"));

        String body = web.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        int events = body.split("BEGIN:VEVENT", -1).length - 1;
        String etag = web.get().uri(path).exchange().returnResult(String.class).getResponseHeaders().getETag();

        for (int i = 0; i < WARM_UP; i++) {
            fetch(web, path, null);
        }
        double[] full = new double[RUNS];
        double[] notModified = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            full[i] = fetch(web, path, null);
            notModified[i] = fetch(web, path, etag);
        }

        String report = "| feed of a user with " + events + " events (" + body.getBytes(StandardCharsets.UTF_8).length
                / 1024 + " KiB) | p50 | p95 | p99 | max |\n|---|---|---|---|---|\n"
                + row("200, whole feed", full) + row("304, If-None-Match", notModified);
        System.out.println("\nCalendar feed benchmark (" + RUNS + " requests each, after " + WARM_UP + " warm-up)\n"
                + report);
        Path out = Path.of("target", "calendar-bench.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static double fetch(WebTestClient web, String path, String etag) {
        long start = System.nanoTime();
        WebTestClient.RequestHeadersSpec<?> request = web.get().uri(path);
        if (etag != null) {
            request = request.header(HttpHeaders.IF_NONE_MATCH, etag);
        }
        request.exchange().expectBody(byte[].class).returnResult();
        return (System.nanoTime() - start) / 1e6;
    }

    private static String row(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format("| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", what, quantile(sorted, 0.50),
                quantile(sorted, 0.95), quantile(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /**
     * The user's bookings straight into the tables (the feed reads {@code booking} only), spread over the feed's
     * range with 50 clients who have names; 200 cancelled last week; 20,000 bookings of 100 other freelancers.
     */
    private void seed(User user) {
        List<String> statements = new ArrayList<>();
        statements.add("""
                INSERT INTO calendar_user (id, name, time_zone, as_of)
                SELECT md5('client' || c)::uuid, 'Client number ' || c || ' Ångström', 'Europe/Berlin', now()
                  FROM generate_series(1, 50) c ON CONFLICT DO NOTHING""");
        statements.add("""
                INSERT INTO booking (id, freelancer_id, client_id, title, location, start_at, end_at, created_by,
                                     created_at, updated_at)
                SELECT gen_random_uuid(), '%s', md5('client' || (i %% 50 + 1))::uuid,
                       'Session ' || i || ': planning, review; and notes', 'Studio ' || (i %% 7) || ', 2nd floor',
                       now() - interval '30 days' + i * interval '190 minutes',
                       now() - interval '30 days' + i * interval '190 minutes' + interval '1 hour',
                       '%s', now() - interval '40 days', now() - interval '40 days'
                  FROM generate_series(1, %d) i""".formatted(user.id(), user.id(), BOOKINGS));
        statements.add("""
                INSERT INTO booking (id, freelancer_id, client_id, title, location, start_at, end_at, created_by,
                                     created_at, updated_at, cancelled_at, cancelled_by)
                SELECT gen_random_uuid(), '%s', md5('client' || (i %% 50 + 1))::uuid, 'Cancelled ' || i, NULL,
                       now() + i * interval '1 day' + interval '30 minutes',
                       now() + i * interval '1 day' + interval '60 minutes',
                       '%s', now() - interval '20 days', now() - interval '20 days', now() - interval '7 days', '%s'
                  FROM generate_series(1, 200) i""".formatted(user.id(), user.id(), user.id()));
        statements.add("""
                INSERT INTO booking (id, freelancer_id, client_id, title, location, start_at, end_at, created_by,
                                     created_at, updated_at)
                SELECT gen_random_uuid(), md5('other' || (i % 100))::uuid, md5('otherclient' || i)::uuid,
                       'Other ' || i, NULL, now() + (i % 300) * interval '1 day', now() + (i % 300) * interval '1 day'
                       + interval '1 hour', md5('other' || (i % 100))::uuid, now(), now()
                  FROM generate_series(1, 20000) i""");
        statements.add("ANALYZE booking");
        for (String sql : statements) {
            db.sql(sql).then().block(Duration.ofMinutes(2));
        }
    }
}
