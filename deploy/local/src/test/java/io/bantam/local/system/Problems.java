package io.bantam.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.local.system.Api.Reply;
import java.util.List;
import java.util.Locale;

/** What every refusal must look like: an RFC 9457 problem that tells nothing of the code behind it. */
public final class Problems {

    /**
     * Text that must never reach a caller: package and class names, exception types, SQL and database errors,
     * stack frames.
     */
    public static final List<String> LEAKS = List.of("io.bantam", "java.", "javax.", "jakarta.", "org.springframework",
            "reactor.", "tools.jackson", "com.fasterxml", "Exception", "SQLSTATE", "select ", "insert ", "update ",
            "delete from", "postgres", "r2dbc", "\tat ", "\\tat ", "at io.", "at java.", "Caused by");

    private Problems() {
    }

    /** A problem: the status, {@code application/problem+json}, {@code type}, {@code title}, {@code status}, no leak. */
    public static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertWellFormed(reply);
    }

    public static void assertProblem(Reply reply, int status, String code) {
        assertProblem(reply, status);
        assertThat(reply.get("code")).as("code of %s", reply).isEqualTo(code);
    }

    /** A 4xx problem, whichever: the caller's mistake, never the server's. */
    public static void assertClientError(Reply reply) {
        assertThat(reply.status()).as("a 4xx for %s", reply).isBetween(400, 499);
        assertWellFormed(reply);
    }

    public static void assertWellFormed(Reply reply) {
        assertThat(reply.contentType()).as("content type of %s", reply).startsWith("application/problem+json");
        assertThat(reply.body().isObject()).as("a JSON object: %s", reply).isTrue();
        assertThat(reply.get("type")).as("type of %s", reply).isNotBlank();
        assertThat(reply.get("title")).as("title of %s", reply).isNotBlank();
        assertThat(reply.body().path("status").asInt()).as("status member of %s", reply).isEqualTo(reply.status());
        assertNoLeak(reply);
    }

    /** No class name, SQL or stack trace anywhere in the body (case-insensitive for the SQL words). */
    public static void assertNoLeak(Reply reply) {
        String text = reply.text();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String leak : LEAKS) {
            boolean found = leak.equals(leak.toLowerCase(Locale.ROOT)) ? lower.contains(leak) : text.contains(leak);
            assertThat(found).as("the answer contains \"%s\": %s", leak, reply).isFalse();
        }
    }
}
