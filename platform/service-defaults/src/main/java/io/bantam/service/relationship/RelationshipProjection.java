package io.bantam.service.relationship;

import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.events.relationships.RelationshipEnded;
import io.bantam.events.relationships.RelationshipEvent;
import io.bantam.service.problem.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which clients are actively connected to which freelancers, as this service learned it from
 * {@code bantam.relationships.v1}. Services that must only act for connected pairs (bookings, tasks, notes)
 * ask it instead of calling relationship-service.
 */
public class RelationshipProjection {

    private final DatabaseClient db;

    public RelationshipProjection(DatabaseClient db) {
        this.db = db;
    }

    /** Whether the freelancer and the client have an ACTIVE relationship. */
    public Mono<Boolean> isActive(UUID freelancerId, UUID clientId) {
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM relationship_projection
                                        WHERE freelancer_id = :freelancer AND client_id = :client
                                          AND status = 'ACTIVE') AS active""")
                .bind("freelancer", freelancerId)
                .bind("client", clientId)
                .map(row -> Boolean.TRUE.equals(row.get("active", Boolean.class)))
                .one();
    }

    /** Completes when the pair is actively connected; otherwise 422 {@code relationship.required}. */
    public Mono<Void> requireActive(UUID freelancerId, UUID clientId) {
        return isActive(freelancerId, clientId)
                .flatMap(active -> active ? Mono.<Void>empty()
                        : Mono.error(ApiException.unprocessable("relationship.required",
                                "There is no active relationship between this freelancer and this client.")));
    }

    /** The clients actively connected to a freelancer. */
    public Flux<UUID> activeClientsOf(UUID freelancerId) {
        return db.sql("SELECT client_id FROM relationship_projection WHERE freelancer_id = :id AND status = 'ACTIVE'")
                .bind("id", freelancerId)
                .map(row -> row.get("client_id", UUID.class))
                .all();
    }

    /** The freelancers a client is actively connected to. */
    public Flux<UUID> activeFreelancersOf(UUID clientId) {
        return db.sql("SELECT freelancer_id FROM relationship_projection WHERE client_id = :id AND status = 'ACTIVE'")
                .bind("id", clientId)
                .map(row -> row.get("freelancer_id", UUID.class))
                .all();
    }

    /**
     * Applies an event. Idempotent and order-insensitive: a relationship ends once and for all, so an end
     * that arrives before its creation still wins, and a repeated event changes nothing.
     */
    public Mono<Void> apply(RelationshipEvent event) {
        OffsetDateTime at = event.occurredAt().atOffset(ZoneOffset.UTC);
        String sql;
        if (event instanceof RelationshipCreated) {
            sql = """
                    INSERT INTO relationship_projection
                           (relationship_id, freelancer_id, client_id, status, created_at)
                    VALUES (:id, :freelancer, :client, 'ACTIVE', :at)
                    ON CONFLICT (relationship_id) DO UPDATE
                       SET created_at = EXCLUDED.created_at
                     WHERE relationship_projection.created_at IS NULL""";
        } else if (event instanceof RelationshipEnded) {
            sql = """
                    INSERT INTO relationship_projection
                           (relationship_id, freelancer_id, client_id, status, ended_at)
                    VALUES (:id, :freelancer, :client, 'ENDED', :at)
                    ON CONFLICT (relationship_id) DO UPDATE
                       SET status = 'ENDED',
                           ended_at = COALESCE(relationship_projection.ended_at, EXCLUDED.ended_at),
                           applied_at = now()""";
        } else {
            return Mono.error(new IllegalArgumentException("Unknown relationship event " + event.type()));
        }
        return db.sql(sql)
                .bind("id", event.relationshipId())
                .bind("freelancer", event.freelancerId())
                .bind("client", event.clientId())
                .bind("at", at)
                .fetch()
                .rowsUpdated()
                .then();
    }
}
