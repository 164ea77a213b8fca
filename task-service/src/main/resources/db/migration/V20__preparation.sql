-- Preparation tasks (issue 15): a task made for a booking of the freelancer, from bantam.bookings.v1.
-- At most one task per booking, whatever the broker delivers how often: the database says so.
ALTER TABLE task ADD COLUMN booking_id UUID;
-- the freelancer changed the task (PATCH): a cancelled booking then no longer takes its task away
ALTER TABLE task ADD COLUMN edited BOOLEAN NOT NULL DEFAULT false;
-- the due date the booking gave the task: a reschedule moves the task only while it still has that date
ALTER TABLE task ADD COLUMN booking_due_date DATE;
CREATE UNIQUE INDEX task_booking ON task (booking_id) WHERE booking_id IS NOT NULL;

-- Each freelancer's choice; no row means the defaults (off, one day before).
CREATE TABLE preparation_settings (
    freelancer_id        UUID        PRIMARY KEY,
    prepare_for_bookings BOOLEAN     NOT NULL,
    prepare_days_before  INTEGER     NOT NULL CHECK (prepare_days_before BETWEEN 0 AND 14),
    updated_at           TIMESTAMPTZ NOT NULL
);

-- What this service knows of each booking of a freelancer, from the newest event applied (as_of, the event's
-- occurredAt): its start and the freelancer's zone for the due date, and whether it was cancelled. A cancellation
-- is final (a tombstone): a creation that arrives after it (reordered, redelivered) makes no task.
CREATE TABLE booking_preparation (
    booking_id    UUID        PRIMARY KEY,
    freelancer_id UUID        NOT NULL,
    start_at      TIMESTAMPTZ NOT NULL,
    time_zone     TEXT,
    as_of         TIMESTAMPTZ NOT NULL,
    cancelled_at  TIMESTAMPTZ
);
