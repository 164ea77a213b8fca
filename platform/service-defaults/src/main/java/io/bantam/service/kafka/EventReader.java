package io.bantam.service.kafka;

import io.bantam.events.BantamEvent;
import io.bantam.events.EventTypes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a consumed record's JSON into the event record its {@code type} names, leniently (a field added to an
 * event is not a breaking change). Anything that can never be read (no value, not JSON, a type of another family,
 * missing fields) is an {@link UnreadableEventException}: to the dead-letter topic at once.
 */
public final class EventReader {

    private EventReader() {
    }

    public static <E extends BantamEvent> E read(JsonMapper json, String value, Class<E> family) {
        String what = family.getSimpleName();
        if (value == null) {
            throw new UnreadableEventException("A " + what + " without a value", null);
        }
        try {
            JsonNode tree = json.readTree(value);
            JsonNode type = tree.get("type");
            Class<? extends BantamEvent> recordType = EventTypes.recordFor(type == null ? null : type.asString())
                    .filter(family::isAssignableFrom)
                    .orElseThrow(() -> new UnreadableEventException("Not a " + what + " type: " + type, null));
            return family.cast(json.readerFor(recordType)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(tree));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("An unreadable " + what, e);
        }
    }
}
