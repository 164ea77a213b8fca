-- Calendar feeds (issue 15): each user's private feed address, the names of the people on the other side of a
-- booking, and the iCalendar SEQUENCE of every booking.

-- SEQUENCE (RFC 5545 3.8.7.4): a calendar app takes a changed event only when its sequence grew. Counted by the
-- database on every change of what a calendar shows (time, title, location, cancellation), whichever code
-- made it.
ALTER TABLE booking ADD COLUMN ical_sequence INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION booking_ical_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.start_at IS DISTINCT FROM OLD.start_at OR NEW.end_at IS DISTINCT FROM OLD.end_at
       OR NEW.title IS DISTINCT FROM OLD.title OR NEW.location IS DISTINCT FROM OLD.location
       OR NEW.cancelled_at IS DISTINCT FROM OLD.cancelled_at THEN
        NEW.ical_sequence := OLD.ical_sequence + 1;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER booking_ical_sequence BEFORE UPDATE ON booking
    FOR EACH ROW EXECUTE FUNCTION booking_ical_sequence();

-- A feed lists a user's bookings as either party, cancelled ones included (for 31 days): live bookings are found
-- through booking_participant, but cancelled ones no longer have rows there.
CREATE INDEX booking_freelancer_start_any ON booking (freelancer_id, start_at);
CREATE INDEX booking_client_start ON booking (client_id, start_at);

-- One feed per user. The token is never stored: it is derived from the user, this nonce and a server key
-- (bantam.calendar.feed-key), so a copy of this table alone yields no working address. token_hash (SHA-256 of
-- the token) finds the feed of a presented token; a reset writes a new nonce and hash, and the old token
-- matches nothing from that commit on.
CREATE TABLE calendar_feed (
    user_id    UUID        PRIMARY KEY,
    nonce      BYTEA       NOT NULL,
    token_hash BYTEA       NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);

-- Names of users from bantam.identity.users.v1, for a feed's SUMMARY ("Kick-off call with Ada Lovelace"). One row
-- per user, the newest version identity-service made (as_of), whatever order the versions arrive in.
CREATE TABLE calendar_user (
    id         UUID        PRIMARY KEY,
    name       TEXT        NOT NULL,
    time_zone  TEXT,
    as_of      TIMESTAMPTZ NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
