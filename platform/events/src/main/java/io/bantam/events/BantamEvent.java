package io.bantam.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/**
 * An event one Bantam service publishes for the others. Every event carries its own id, its type name
 * (the stable name consumers route on, never a Java class name) and when it happened.
 * <p>
 * {@link #topic()} and {@link #key()} tell the outbox where the event goes and how it is partitioned,
 * so a producer cannot pick the wrong topic or key for an event.
 */
public interface BantamEvent {

    UUID eventId();

    String type();

    Instant occurredAt();

    /** The Kafka topic this event belongs on. */
    @JsonIgnore
    String topic();

    /** The Kafka record key: events with the same key stay in order. */
    @JsonIgnore
    String key();
}
