package io.bantam.service.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bantam.service.problem.ApiException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void aCursorReadsBackIntoItsParts() {
        String cursor = Cursors.encode("2027-01-10", "2026-12-01T09:00:00Z", "0b6f2a56-7c1e-4f0a-9d7e-2f3c1a9b8e01");

        assertThat(Cursors.decode(cursor, 3))
                .containsExactly("2027-01-10", "2026-12-01T09:00:00Z", "0b6f2a56-7c1e-4f0a-9d7e-2f3c1a9b8e01");
    }

    @Test
    void nullPartsSurvive() {
        assertThat(Cursors.decode(Cursors.encode(null, "b"), 2)).isEqualTo(Arrays.asList(null, "b"));
    }

    @Test
    void aCursorIsUrlSafe() {
        assertThat(Cursors.encode("a/b+c?d=e", "ü")).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void garbageOrAWrongShapeIsA400NamingTheCursor() {
        for (String bad : List.of("!!!", "bm90IGEgY3Vyc29y", Cursors.encode("only-one"))) {
            assertThatThrownBy(() -> Cursors.decode(bad, 2))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(400);
                        assertThat(e.errors()).extracting(ApiException.FieldError::field).containsExactly("cursor");
                    });
        }
    }

    @Test
    void aTypedCursorReadsBackIntoItsPosition() {
        String cursor = Cursors.encode("2026-12-01T09:00:00Z", "0b6f2a56-7c1e-4f0a-9d7e-2f3c1a9b8e01");

        assertThat(Cursors.<String>decode(cursor, 2, parts -> Instant.parse(parts.get(0)) + "/" + UUID.fromString(parts.get(1))))
                .isEqualTo("2026-12-01T09:00:00Z/0b6f2a56-7c1e-4f0a-9d7e-2f3c1a9b8e01");
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(Cursors.<String>decode(null, 2, parts -> "position")).isNull();
        assertThat(Cursors.<String>decode("", 2, parts -> "position")).isNull();
    }

    @Test
    void partsThePositionCannotReadAreA400NamingTheCursor() {
        Function<List<String>, Object> position = parts -> List.of(Instant.parse(parts.get(0)),
                UUID.fromString(parts.get(1)), parts.get(0).length());
        for (String bad : List.of("!!!", Cursors.encode("2026-12-01T09:00:00Z"),
                Cursors.encode("yesterday", "0b6f2a56-7c1e-4f0a-9d7e-2f3c1a9b8e01"),
                Cursors.encode("2026-12-01T09:00:00Z", "not-a-uuid"), Cursors.encode(null, null))) {
            assertThatThrownBy(() -> Cursors.decode(bad, 2, position))
                    .as(bad)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(400);
                        assertThat(e.errors()).extracting(ApiException.FieldError::field).containsExactly("cursor");
                    });
        }
        assertThatThrownBy(() -> Cursors.decode(Cursors.encode("a", "b"), 2, parts -> null))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void theLimitDefaultsTo100AndStaysWithin1To500() {
        assertThat(Cursors.limit(null)).isEqualTo(100);
        assertThat(Cursors.limit(500)).isEqualTo(500);
        assertThatThrownBy(() -> Cursors.limit(0)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Cursors.limit(501)).isInstanceOf(ApiException.class);
    }

    @Test
    void aPageHasANextCursorOnlyWhenMoreWasFetchedThanTheLimit() {
        assertThat(Cursors.page(List.of(1, 2), 2, String::valueOf)).isEqualTo(new Page<>(List.of(1, 2), null));
        assertThat(Cursors.page(List.of(1, 2, 3), 2, String::valueOf)).isEqualTo(new Page<>(List.of(1, 2), "2"));
    }
}
