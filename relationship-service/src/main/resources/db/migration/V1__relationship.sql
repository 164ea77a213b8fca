-- A freelancer's connection to a client account. A pair is ACTIVE at most once (the partial unique index
-- decides between concurrent connects); ended relationships stay as history, and connecting again makes a new one.
CREATE TABLE relationship (
    id            UUID        PRIMARY KEY,
    freelancer_id UUID        NOT NULL,
    client_id     UUID        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'ENDED')),
    created_at    TIMESTAMPTZ NOT NULL,
    ended_at      TIMESTAMPTZ,
    CONSTRAINT relationship_ended_at CHECK ((status = 'ENDED') = (ended_at IS NOT NULL)),
    CONSTRAINT relationship_two_parties CHECK (freelancer_id <> client_id)
);

CREATE UNIQUE INDEX relationship_active_pair ON relationship (freelancer_id, client_id) WHERE status = 'ACTIVE';

-- The lists, newest first, for either party; a page is one range scan from the cursor on.
CREATE INDEX relationship_of_freelancer ON relationship (freelancer_id, created_at DESC, id DESC);
CREATE INDEX relationship_of_client ON relationship (client_id, created_at DESC, id DESC);
