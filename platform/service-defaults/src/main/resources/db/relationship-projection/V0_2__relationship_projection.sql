-- service-defaults' projection of bantam.relationships.v1: which client is actively connected to which
-- freelancer, kept by the services that must know it without calling relationship-service.
-- A relationship id goes ACTIVE -> ENDED once and never back (connecting again makes a new relationship),
-- so applying the events is idempotent and order-insensitive by construction.
CREATE TABLE relationship_projection (
    relationship_id UUID        PRIMARY KEY,
    freelancer_id   UUID        NOT NULL,
    client_id       UUID        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'ENDED')),
    created_at      TIMESTAMPTZ,
    ended_at        TIMESTAMPTZ,
    applied_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX relationship_projection_active_pair
    ON relationship_projection (freelancer_id, client_id) WHERE status = 'ACTIVE';
CREATE INDEX relationship_projection_active_client
    ON relationship_projection (client_id) WHERE status = 'ACTIVE';
