package io.bantam.service.paging;

import io.bantam.service.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Opaque keyset cursors. A cursor holds the sort key of the last item of a page (e.g. due date, created-at
 * and id); the next page starts strictly after it, so items added meanwhile cause neither duplicates nor gaps.
 * The encoding is an implementation detail: callers only pass back what they were given.
 */
public final class Cursors {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    private static final char SEPARATOR = '\u001f';
    private static final String VERSION = "1";

    private Cursors() {
    }

    /** Encodes the sort key of the last item of a page; null parts are allowed (e.g. no due date). */
    public static String encode(String... parts) {
        StringBuilder text = new StringBuilder(VERSION);
        for (String part : parts) {
            text.append(SEPARATOR).append(part == null ? "\u0000" : part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor into exactly {@code parts} values (null where a null was encoded); anything else is a
     * 400 {@code request.invalid} naming the {@code cursor} parameter.
     */
    public static List<String> decode(String cursor, int parts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == SEPARATOR) {
                    values.add(text.substring(start, i));
                    start = i + 1;
                }
            }
            if (values.size() != parts + 1 || !VERSION.equals(values.get(0))) {
                throw invalid();
            }
            List<String> result = new ArrayList<>(parts);
            for (String value : values.subList(1, values.size())) {
                result.add("\u0000".equals(value) ? null : value);
            }
            return result;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /**
     * The position a cursor holds, read by {@code fromParts} from exactly {@code parts} values: {@code null} for
     * no cursor (absent or empty: the first page); for anything else that is not a cursor of this list (not ours,
     * tampered with, another list's, or parts that {@code fromParts} cannot read) a 400 {@code request.invalid}
     * naming the {@code cursor} parameter. {@code fromParts} signals a part it cannot read by throwing
     * (DateTimeParseException, IllegalArgumentException, NullPointerException for a null part it needs).
     */
    public static <P> P decode(String cursor, int parts, Function<List<String>, P> fromParts) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        List<String> values = decode(cursor, parts);
        P position;
        try {
            position = fromParts.apply(values);
        } catch (IllegalArgumentException | DateTimeException | NullPointerException e) {
            throw invalid();
        }
        if (position == null) {
            throw invalid();
        }
        return position;
    }

    /** The page size asked for: default {@value #DEFAULT_LIMIT}, 1..{@value #MAX_LIMIT}, else 400. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    /**
     * Builds a page from up to {@code limit + 1} items fetched in order: the extra item, if present, only
     * says there is a next page.
     */
    public static <T> Page<T> page(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return Page.last(fetched);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, cursorOf.apply(items.get(items.size() - 1)));
    }

    private static ApiException invalid() {
        return ApiException.invalidField("cursor", "is not a cursor from a previous page");
    }
}
