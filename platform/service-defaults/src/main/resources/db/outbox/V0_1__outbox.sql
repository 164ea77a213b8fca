-- The transactional outbox of service-defaults: a service records an event in the same transaction as the
-- change it describes; the relay publishes it to Kafka and marks it published.
CREATE TABLE outbox_event (
    id           BIGSERIAL    PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        TEXT         NOT NULL,
    message_key  TEXT         NOT NULL,
    event_type   TEXT         NOT NULL,
    payload      TEXT         NOT NULL,            -- the JSON exactly as serialised
    headers      JSONB        NOT NULL DEFAULT '{}', -- e.g. traceparent, carried into Kafka record headers
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    published_at TIMESTAMPTZ
);

CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Wake the relay as soon as a transaction that recorded events commits (NOTIFY is delivered on commit,
-- and several notifications of one transaction fold into one).
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('bantam_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_event_notify
    AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
