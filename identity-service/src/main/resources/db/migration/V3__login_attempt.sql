-- Login rate limit: one counter per key ("email:..." or "address:...") and fixed window, incremented with
-- an upsert so concurrent attempts on any replica count exactly. Rows past expires_at are deleted
-- periodically.
CREATE TABLE login_attempt (
    bucket        TEXT         NOT NULL,
    window_start  TIMESTAMPTZ  NOT NULL,
    attempts      INTEGER      NOT NULL,
    expires_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

CREATE INDEX login_attempt_expires_at ON login_attempt (expires_at);
