package io.bantam.notes.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotePositionTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00.000001Z");

    @Test
    void newerNotesComeFirst() {
        NotePosition older = new NotePosition(T0, UUID.randomUUID());
        NotePosition newer = new NotePosition(T0.plusNanos(1000), UUID.randomUUID());
        NotePosition newest = new NotePosition(T0.plusSeconds(3600), UUID.randomUUID());

        List<NotePosition> sorted = new ArrayList<>(List.of(older, newest, newer));
        sorted.sort(NotePosition.NEWEST_FIRST);

        assertThat(sorted).containsExactly(newest, newer, older);
    }

    @Test
    void notesOfTheSameMicrosecondAreOrderedByIdDescendingAsPostgresComparesUuids() {
        UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");

        List<NotePosition> sorted = new ArrayList<>(List.of(new NotePosition(T0, low), new NotePosition(T0, high)));
        sorted.sort(NotePosition.NEWEST_FIRST);

        assertThat(sorted).extracting(NotePosition::id).containsExactly(high, low);
    }

    @Test
    void aPositionSurvivesItsParts() {
        NotePosition position = new NotePosition(T0, UUID.randomUUID());

        assertThat(NotePosition.fromParts(position.toParts())).isEqualTo(position);
    }

    @Test
    void partsThatAreNotAPositionAreRefused() {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> NotePosition.fromParts(List.of(T0.toString())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotePosition.fromParts(List.of("yesterday", id)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotePosition.fromParts(List.of(T0.toString(), "me")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotePosition.fromParts(Arrays.asList(null, id)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
