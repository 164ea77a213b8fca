-- The projection of users (clients and freelancers) from bantam.identity.users.v1 and identity's internal lookup.
-- One row per user: the newest version identity-service made of the profile (as_of), whatever order the
-- versions arrived in. Joined at read time, so a relationship always shows the current profile.
CREATE TABLE user_profile (
    id             UUID        PRIMARY KEY,
    email          TEXT        NOT NULL,
    name           TEXT        NOT NULL,
    role           TEXT        NOT NULL CHECK (role IN ('FREELANCER', 'CLIENT')),
    time_zone      TEXT        NOT NULL,
    phone          TEXT,
    preferred_name TEXT,
    pronouns       TEXT,
    as_of          TIMESTAMPTZ NOT NULL, -- the event's occurredAt, or the lookup's updatedAt
    applied_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Connecting by email; emails compare case-insensitively, as in identity-service. Not unique: identity-service
-- owns that rule, and a projection must take whatever order the events of two users arrive in.
CREATE INDEX user_profile_email ON user_profile (lower(email));
