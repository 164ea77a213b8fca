package io.bantam.bench.booking;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Sends requests from a fixed number of threads, each waiting for its answer, and times every one. */
final class Load {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Sends {@code requests} requests from {@code concurrency} threads; adds each one's time to {@code into}.
     * Fails on any answer other than {@code expectedStatus}.
     */
    void run(int requests, int concurrency, int expectedStatus, IntFunction<HttpRequest> request, Series into)
            throws InterruptedException {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.execute(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    HttpRequest r = request.apply(i);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
                        nanos[i] = System.nanoTime() - t0;
                        if (response.statusCode() != expectedStatus && unexpected.incrementAndGet() <= 3) {
                            System.err.println("unexpected " + response.statusCode() + ": " + response.body());
                        }
                    } catch (IOException | InterruptedException e) {
                        nanos[i] = System.nanoTime() - t0;
                        unexpected.incrementAndGet();
                    }
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.HOURS);
        if (unexpected.get() > 0) {
            throw new IllegalStateException(unexpected.get() + " unexpected answers");
        }
        into.add(nanos, System.nanoTime() - started);
    }
}
