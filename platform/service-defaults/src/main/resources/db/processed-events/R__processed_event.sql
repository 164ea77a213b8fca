-- The consumer side of the outbox (service-defaults' ProcessedEvents): each event a consumer applied, keyed by
-- (consumer, eventId), written in the same transaction as the event's effect (as Debezium's outbox examples keep
-- their message log). A redelivered event finds its row and changes nothing; an effect that fails rolls its row
-- back with it, so the event is applied again on the retry.
-- A repeatable migration (written to be run again): a platform table added to services whose own versioned
-- migrations are already past V0_x must not sort before them (Flyway would refuse an out-of-order version).
CREATE TABLE IF NOT EXISTS processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX IF NOT EXISTS processed_event_processed_at ON processed_event (processed_at);
