-- Booking rules (CONTRACT.md "Booking rules, date overrides and time off"): the freelancer's defaults, a
-- client's own rules (null: the default), date overrides, time off, and the buffers each booking keeps.

-- A freelancer without a row has the defaults 0, 0, 0, 365, null, 0.
CREATE TABLE booking_rules (
    freelancer_id          UUID        PRIMARY KEY,
    buffer_before_minutes  INTEGER     NOT NULL CHECK (buffer_before_minutes BETWEEN 0 AND 240),
    buffer_after_minutes   INTEGER     NOT NULL CHECK (buffer_after_minutes BETWEEN 0 AND 240),
    minimum_notice_minutes INTEGER     NOT NULL CHECK (minimum_notice_minutes BETWEEN 0 AND 43200),
    horizon_days           INTEGER     NOT NULL CHECK (horizon_days BETWEEN 1 AND 730),
    max_bookings_per_week  INTEGER     CHECK (max_bookings_per_week BETWEEN 1 AND 100),
    change_cutoff_minutes  INTEGER     NOT NULL CHECK (change_cutoff_minutes BETWEEN 0 AND 10080),
    updated_at             TIMESTAMPTZ NOT NULL
);

-- A client's own rules with one freelancer; a null column follows the freelancer's default.
CREATE TABLE client_booking_rules (
    freelancer_id          UUID        NOT NULL,
    client_id              UUID        NOT NULL,
    buffer_before_minutes  INTEGER     CHECK (buffer_before_minutes BETWEEN 0 AND 240),
    buffer_after_minutes   INTEGER     CHECK (buffer_after_minutes BETWEEN 0 AND 240),
    minimum_notice_minutes INTEGER     CHECK (minimum_notice_minutes BETWEEN 0 AND 43200),
    horizon_days           INTEGER     CHECK (horizon_days BETWEEN 1 AND 730),
    max_bookings_per_week  INTEGER     CHECK (max_bookings_per_week BETWEEN 1 AND 100),
    change_cutoff_minutes  INTEGER     CHECK (change_cutoff_minutes BETWEEN 0 AND 10080),
    updated_at             TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (freelancer_id, client_id)
);

-- A date whose availability is its own windows rather than the week's (no windows: closed). Minutes of the
-- day as in availability_window; `windows` is a flat array of start, end pairs.
CREATE TABLE date_override (
    freelancer_id UUID        NOT NULL,
    on_date       DATE        NOT NULL,
    windows       SMALLINT[]  NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (freelancer_id, on_date)
);

CREATE TABLE time_off (
    id            UUID        PRIMARY KEY,
    freelancer_id UUID        NOT NULL,
    start_at      TIMESTAMPTZ NOT NULL,
    end_at        TIMESTAMPTZ NOT NULL,
    note          TEXT        CHECK (char_length(note) <= 500),
    created_at    TIMESTAMPTZ NOT NULL,
    CHECK (start_at < end_at)
);
CREATE INDEX time_off_freelancer ON time_off (freelancer_id, end_at);

-- Buffers travel with each booking: those in force when it was made (or last moved). Kept on the time it
-- holds, so the slot search reads them with the busy ranges from the same index.
ALTER TABLE booking_participant
    ADD COLUMN buffer_before_minutes INTEGER NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 240),
    ADD COLUMN buffer_after_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 240);

-- The weekly maximum counts a client's live bookings with one freelancer by start.
CREATE INDEX booking_pair_start ON booking (freelancer_id, client_id, start_at) WHERE cancelled_at IS NULL;
-- The stranded list reads a freelancer's future live bookings.
CREATE INDEX booking_freelancer_start ON booking (freelancer_id, start_at) WHERE cancelled_at IS NULL;
