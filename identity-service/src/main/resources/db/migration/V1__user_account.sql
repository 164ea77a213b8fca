-- Users. The email is kept as typed and unique case-insensitively; lookups use lower(email) too, so they
-- are served by the same index.
CREATE TABLE user_account (
    id             UUID         PRIMARY KEY,
    email          TEXT         NOT NULL,
    password_hash  TEXT         NOT NULL,
    name           TEXT         NOT NULL,
    role           TEXT         NOT NULL CHECK (role IN ('FREELANCER', 'CLIENT')),
    time_zone      TEXT         NOT NULL,
    phone          TEXT,
    preferred_name TEXT,
    pronouns       TEXT,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);

CREATE UNIQUE INDEX user_account_email_key ON user_account (lower(email));
