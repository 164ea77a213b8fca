package io.bantam.bench.booking;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's own measure of its request times: the cumulative buckets of
 * {@code http_server_requests_seconds} for one route, from {@code /actuator/prometheus}. The difference of two
 * snapshots is the histogram of the requests in between; a quantile is read as the upper bound of the bucket it
 * falls in, so it is never optimistic (Micrometer's buckets are about 10-30 % apart in this range).
 */
final class ServerTimes {

    private static final Pattern BUCKET = Pattern.compile("^http_server_requests_seconds_bucket\\{(.*)} (\\S+)$");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String prometheusUrl;

    ServerTimes(String baseUrl) {
        this.prometheusUrl = baseUrl + "/actuator/prometheus";
    }

    /** Cumulative count per bucket upper bound (seconds) of the route's successful requests. */
    TreeMap<Double, Double> snapshot(String method, String uri) throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(URI.create(prometheusUrl)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String line : text.split("\n")) {
            Matcher bucket = BUCKET.matcher(line);
            if (!bucket.matches()) {
                continue;
            }
            String labels = bucket.group(1);
            if (!labels.contains("method=\"" + method + "\"") || !labels.contains("uri=\"" + uri + "\"")
                    || !labels.contains("outcome=\"SUCCESS\"")) {
                continue;
            }
            Matcher le = LE.matcher(labels);
            le.find();
            double bound = "+Inf".equals(le.group(1)) ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
            buckets.merge(bound, Double.parseDouble(bucket.group(2)), Double::sum);
        }
        return buckets;
    }
}
