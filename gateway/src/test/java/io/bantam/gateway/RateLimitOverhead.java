package io.bantam.gateway;

import io.bantam.testing.PostgresDatabase;
import io.bantam.testing.TestInfrastructure;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What the rate limits add to a write through the gateway: two gateways in this JVM, one with limits and one
 * without, in front of the same fake service, called in turn, one request at a time. Not a test: run it by hand
 * (docs/benchmarks.md), e.g. {@code java -cp "gateway/target/classes:gateway/target/test-classes:$(cat cp.txt)"
 * io.bantam.gateway.RateLimitOverhead 5000}.
 */
public final class RateLimitOverhead {

    private RateLimitOverhead() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        TestTokens tokens = new TestTokens();
        PostgresDatabase database = TestInfrastructure.newDatabase("RateLimitOverhead");
        try (FakeIdentity identity = FakeIdentity.start(tokens);
                ConfigurableApplicationContext limited = start(database, identity, true);
                ConfigurableApplicationContext unlimited = start(database, identity, false)) {
            WebClient withLimits = client(limited);
            WebClient withoutLimits = client(unlimited);
            String token = tokens.validFor(UUID.randomUUID().toString());
            for (int i = 0; i < 2000; i++) {  // warm-up: JIT, pools, JWKS
                write(withLimits, token);
                write(withoutLimits, token);
            }
            long[] with = new long[calls];
            long[] without = new long[calls];
            for (int i = 0; i < calls; i++) {
                with[i] = write(withLimits, token);
                without[i] = write(withoutLimits, token);
            }
            System.out.printf("PATCH through the gateway, %d calls each, %d cores: with limits p50 %.2f ms, p95 %.2f, "
                            + "p99 %.2f; without p50 %.2f ms, p95 %.2f, p99 %.2f%n", calls,
                    Runtime.getRuntime().availableProcessors(),
                    percentile(with, 50), percentile(with, 95), percentile(with, 99),
                    percentile(without, 50), percentile(without, 95), percentile(without, 99));
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(PostgresDatabase database, FakeIdentity identity,
            boolean limits) {
        return new SpringApplicationBuilder(GatewayApplication.class).run(database.springArguments(
                "--server.port=0", "--management.server.port=0",
                "--IDENTITY_URL=" + identity.url(),
                "--bantam.gateway.rate-limits.enabled=" + limits,
                "--bantam.gateway.rate-limits.writes.per-minute=6000000",
                "--bantam.gateway.rate-limits.writes.burst=1000000",
                "--logging.level.root=warn"));
    }

    private static WebClient client(ConfigurableApplicationContext gateway) {
        return WebClient.create("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"));
    }

    private static long write(WebClient client, String token) {
        long start = System.nanoTime();
        Integer status = client.patch().uri("/api/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Ada\"}")
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .block(Duration.ofSeconds(10));
        if (status == null || status != 200) {
            throw new IllegalStateException("status " + status);
        }
        return System.nanoTime() - start;
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
