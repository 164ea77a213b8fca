-- Bookings, and the rule that nobody is ever double-booked, kept by the database itself.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE booking (
    id            UUID        PRIMARY KEY,
    freelancer_id UUID        NOT NULL,
    client_id     UUID        NOT NULL,
    title         TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    location      TEXT        CHECK (char_length(location) <= 500),
    start_at      TIMESTAMPTZ NOT NULL,
    end_at        TIMESTAMPTZ NOT NULL,
    created_by    UUID        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    -- a cancelled booking keeps its row (history, events) but no longer holds any time: see booking_participant
    cancelled_at  TIMESTAMPTZ,
    cancelled_by  UUID,
    CHECK (start_at < end_at),
    CHECK (freelancer_id <> client_id)
);

-- The time a live booking holds, once per participant: the freelancer's row and the client's row. The
-- exclusion constraint forbids two overlapping rows for the same user, whichever side of its booking each row
-- is on, so of concurrent overlapping bookings exactly one commits; the others fail with SQLSTATE 23P01.
-- Ranges are half-open, [start, end): back-to-back bookings do not overlap.
-- Cancelling deletes a booking's rows here, which frees its time; rescheduling updates them in place, so a
-- booking never collides with itself.
CREATE TABLE booking_participant (
    booking_id UUID      NOT NULL REFERENCES booking (id),
    party      TEXT      NOT NULL CHECK (party IN ('FREELANCER', 'CLIENT')),
    user_id    UUID      NOT NULL,
    during     TSTZRANGE NOT NULL CHECK (NOT isempty(during) AND NOT lower_inf(during) AND NOT upper_inf(during)
                                     AND lower_inc(during) AND NOT upper_inc(during)),
    PRIMARY KEY (booking_id, party),
    CONSTRAINT booking_participant_no_overlap EXCLUDE USING gist (user_id WITH =, during WITH &&)
);
