-- The freelancer's to-dos. Lengths are counted in Unicode code points (char_length in a UTF8 database),
-- the same way the API counts them.
CREATE TABLE task (
    id            UUID        PRIMARY KEY,
    freelancer_id UUID        NOT NULL,
    client_id     UUID,
    title         TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    description   TEXT        NOT NULL DEFAULT '' CHECK (char_length(description) <= 5000),
    priority      TEXT        NOT NULL CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH')),
    completed     BOOLEAN     NOT NULL DEFAULT false,
    -- a calendar date, not an instant: no time zone can move it to another day
    due_date      DATE,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- The list order and its keyset: due date ascending with undated tasks last ('infinity' sorts after every
-- date), then creation, then id. A page is one range scan of this index from the cursor on.
CREATE INDEX task_agenda
    ON task (freelancer_id, (COALESCE(due_date, 'infinity'::date)), created_at, id);

CREATE INDEX task_client
    ON task (freelancer_id, client_id) WHERE client_id IS NOT NULL;
