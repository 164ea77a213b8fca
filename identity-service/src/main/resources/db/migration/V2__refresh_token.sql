-- Refresh tokens. A family is one login (signup or login); each refresh uses the current token up and adds
-- the next one to the family. Presenting a used token ends the family, and logout ends it too: a token works
-- only while it is unused, unexpired and its family not revoked. Only a SHA-256 of each token is stored.
CREATE TABLE refresh_token_family (
    id             UUID         PRIMARY KEY,
    user_id        UUID         NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    created_at     TIMESTAMPTZ  NOT NULL,
    revoked_at     TIMESTAMPTZ,
    revoked_reason TEXT         CHECK (revoked_reason IN ('LOGOUT', 'REUSE'))
);

CREATE INDEX refresh_token_family_user ON refresh_token_family (user_id);

CREATE TABLE refresh_token (
    id          UUID         PRIMARY KEY,
    family_id   UUID         NOT NULL REFERENCES refresh_token_family (id) ON DELETE CASCADE,
    token_hash  TEXT         NOT NULL UNIQUE,
    issued_at   TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    used_at     TIMESTAMPTZ
);

CREATE INDEX refresh_token_family_id ON refresh_token (family_id);
CREATE INDEX refresh_token_expires_at ON refresh_token (expires_at);
