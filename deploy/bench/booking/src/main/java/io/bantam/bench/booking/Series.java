package io.bantam.bench.booking;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One measurement gathered over several rounds: every request's client-side time, the wall time spent, and the
 * service's own histogram of the same requests (the sum of bucket differences around each round).
 */
final class Series {

    private long[] nanos = new long[0];
    private long wallNanos;
    private final TreeMap<Double, Double> serverBuckets = new TreeMap<>();
    private double loadSum;
    private int rounds;

    void add(long[] more, long wall) {
        long[] joined = Arrays.copyOf(nanos, nanos.length + more.length);
        System.arraycopy(more, 0, joined, nanos.length, more.length);
        nanos = joined;
        wallNanos += wall;
    }

    void addServer(Map<Double, Double> before, Map<Double, Double> after, double loadAverage) {
        after.forEach((bound, count) -> serverBuckets.merge(bound, count - before.getOrDefault(bound, 0.0),
                Double::sum));
        loadSum += loadAverage;
        rounds++;
    }

    int requests() {
        return nanos.length;
    }

    double perSecond() {
        return nanos.length / (wallNanos / 1e9);
    }

    /** Nearest-rank percentile of the client-side times, in milliseconds. */
    double client(double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /** The upper bound, in milliseconds, of the server histogram bucket holding quantile {@code q}. */
    double server(double q) {
        double total = serverBuckets.lastEntry().getValue();
        for (Map.Entry<Double, Double> bucket : serverBuckets.entrySet()) {
            if (bucket.getValue() >= q * total) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    long serverCount() {
        return Math.round(serverBuckets.lastEntry().getValue());
    }

    double meanLoad() {
        return rounds == 0 ? Double.NaN : loadSum / rounds;
    }
}
