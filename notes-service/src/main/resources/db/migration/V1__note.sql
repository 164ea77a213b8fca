-- The freelancer's private notes about its clients. Text length is counted in Unicode code points
-- (char_length in a UTF8 database), the same way the API counts it; the text is stored exactly as sent.
CREATE TABLE note (
    id            UUID        PRIMARY KEY,
    freelancer_id UUID        NOT NULL,
    client_id     UUID        NOT NULL,
    text          TEXT        NOT NULL CHECK (char_length(text) BETWEEN 1 AND 10000),
    -- full-text search: English stemming and stop words, kept up to date by PostgreSQL itself
    search        TSVECTOR    GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- The list order (newest first) and its keyset, for all of a freelancer's notes and for one client's.
CREATE INDEX note_newest ON note (freelancer_id, created_at DESC, id DESC);
CREATE INDEX note_client_newest ON note (freelancer_id, client_id, created_at DESC, id DESC);

-- Which notes hold which words: answers websearch_to_tsquery('english', q) without reading every note.
CREATE INDEX note_search ON note USING GIN (search);
