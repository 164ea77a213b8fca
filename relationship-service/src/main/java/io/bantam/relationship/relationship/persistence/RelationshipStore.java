package io.bantam.relationship.relationship.persistence;

import io.bantam.relationship.profile.ProfileJoin;
import io.bantam.relationship.relationship.domain.ActiveRelationshipExistsException;
import io.bantam.relationship.relationship.domain.Relationship;
import io.bantam.relationship.relationship.domain.RelationshipPosition;
import io.bantam.relationship.relationship.domain.RelationshipView;
import io.bantam.relationship.relationship.domain.StatusFilter;
import io.bantam.service.security.Role;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.Readable;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Relationships in {@code relationship}. Reads for the API join both parties' profiles from {@code user_profile}
 * at read time, so a relationship always shows the profiles as they are now. Every read names the caller: a
 * relationship the caller is no party of is simply not found.
 */
@Repository
public class RelationshipStore {

    static final String ACTIVE_PAIR_INDEX = "relationship_active_pair";

    private static final String VIEW = "SELECT " + prefixed("r", RelationshipRow.COLUMNS, "")
            + ", " + ProfileJoin.columns("c", "client_") + ", " + ProfileJoin.columns("f", "freelancer_")
            + " FROM relationship r"
            + ProfileJoin.leftJoin("c", "r.client_id")
            + ProfileJoin.leftJoin("f", "r.freelancer_id");

    private final DatabaseClient db;

    RelationshipStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Inserts a new relationship; fails with {@link ActiveRelationshipExistsException} when the pair already has an
     * active one, under a race too (the partial unique index decides).
     */
    public Mono<Relationship> insert(Relationship relationship) {
        return db.sql("INSERT INTO relationship (" + RelationshipRow.COLUMNS + ")"
                        + " VALUES (:id, :freelancerId, :clientId, :status, :createdAt, NULL)")
                .bind("id", relationship.id())
                .bind("freelancerId", relationship.freelancerId())
                .bind("clientId", relationship.clientId())
                .bind("status", relationship.status().name())
                .bind("createdAt", relationship.createdAt())
                .then()
                .onErrorMap(RelationshipStore::isActivePairTaken, e -> new ActiveRelationshipExistsException())
                .thenReturn(relationship);
    }

    /** The freelancer's relationship, locked until the end of the current transaction; empty when not its. */
    public Mono<Relationship> findForUpdate(UUID freelancerId, UUID id) {
        return db.sql("SELECT " + RelationshipRow.COLUMNS + " FROM relationship"
                        + " WHERE id = :id AND freelancer_id = :freelancer FOR UPDATE")
                .bind("id", id)
                .bind("freelancer", freelancerId)
                .map(RelationshipRow::read)
                .one()
                .map(RelationshipRow::toRelationship);
    }

    /** Writes the end of a relationship. */
    public Mono<Void> end(Relationship ended) {
        return db.sql("UPDATE relationship SET status = :status, ended_at = :endedAt WHERE id = :id")
                .bind("id", ended.id())
                .bind("status", ended.status().name())
                .bind("endedAt", ended.endedAt())
                .then();
    }

    /** The relationship with its parties' profiles, when the user is one of its parties. */
    public Mono<RelationshipView> findVisible(UUID userId, UUID id) {
        return db.sql(VIEW + " WHERE r.id = :id AND (r.freelancer_id = :user OR r.client_id = :user)")
                .bind("id", id)
                .bind("user", userId)
                .map(RelationshipStore::readView)
                .one();
    }

    /**
     * Up to {@code fetch} of the user's relationships (as the freelancer or as the client, by its role), newest
     * first, strictly after a position (null: from the start).
     */
    public Flux<RelationshipView> list(UUID userId, Role role, StatusFilter filter, RelationshipPosition after,
            int fetch) {
        StringBuilder sql = new StringBuilder(VIEW)
                .append(role == Role.FREELANCER ? " WHERE r.freelancer_id = :user" : " WHERE r.client_id = :user");
        filter.status().ifPresent(status -> sql.append(" AND r.status = :status"));
        if (after != null) {
            sql.append(" AND (r.created_at, r.id) < (:afterCreatedAt, :afterId)");
        }
        sql.append(" ORDER BY r.created_at DESC, r.id DESC LIMIT :fetch");
        GenericExecuteSpec spec = db.sql(sql.toString()).bind("user", userId).bind("fetch", fetch);
        if (filter.status().isPresent()) {
            spec = spec.bind("status", filter.status().get().name());
        }
        if (after != null) {
            spec = spec.bind("afterCreatedAt", after.createdAt()).bind("afterId", after.id());
        }
        return spec.map(RelationshipStore::readView).all();
    }

    private static RelationshipView readView(Readable row) {
        return new RelationshipView(RelationshipRow.read(row).toRelationship(),
                ProfileJoin.read(row, "client_"), ProfileJoin.read(row, "freelancer_"));
    }

    /** {@code a.x AS px, a.y AS py, ...} for the given columns. */
    private static String prefixed(String alias, String columns, String prefix) {
        return Arrays.stream(columns.split(","))
                .map(String::strip)
                .map(column -> alias + "." + column + " AS " + prefix + column)
                .collect(Collectors.joining(", "));
    }

    private static boolean isActivePairTaken(Throwable failure) {
        if (!(failure instanceof DataIntegrityViolationException)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PostgresqlException postgres) {
                return postgres.getErrorDetails().getConstraintName()
                        .map(ACTIVE_PAIR_INDEX::equals)
                        .orElse(false);
            }
        }
        return false;
    }
}
