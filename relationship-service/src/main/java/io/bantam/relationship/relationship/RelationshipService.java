package io.bantam.relationship.relationship;

import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.events.relationships.RelationshipEnded;
import io.bantam.relationship.profile.UserProfiles;
import io.bantam.relationship.profile.domain.UserProfile;
import io.bantam.relationship.relationship.domain.ActiveRelationshipExistsException;
import io.bantam.relationship.relationship.domain.Relationship;
import io.bantam.relationship.relationship.domain.RelationshipPosition;
import io.bantam.relationship.relationship.domain.RelationshipView;
import io.bantam.relationship.relationship.domain.StatusFilter;
import io.bantam.relationship.relationship.persistence.RelationshipStore;
import io.bantam.service.outbox.Outbox;
import io.bantam.service.paging.Cursors;
import io.bantam.service.paging.Page;
import io.bantam.service.problem.ApiException;
import io.bantam.service.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Relationships between freelancers and client accounts. Every change other services must learn of is recorded in
 * the outbox in the same transaction as the change ({@code RelationshipCreated}, {@code RelationshipEnded} on
 * {@code bantam.relationships.v1}, keyed by the freelancer). A relationship is visible to its two parties only:
 * to anyone else it does not exist (404).
 */
@Service
public class RelationshipService {

    private final RelationshipStore store;
    private final UserProfiles profiles;
    private final Outbox outbox;
    private final TransactionalOperator transactional;
    private final Clock clock;

    RelationshipService(RelationshipStore store, UserProfiles profiles, Outbox outbox,
            TransactionalOperator transactional, Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.outbox = outbox;
        this.transactional = transactional;
        this.clock = clock;
    }

    /**
     * Connects the freelancer to the client account with that email. The client is resolved first, outside the
     * transaction (it may ask identity-service); then the relationship and its event commit together. 404
     * {@code client.not-found}, 409 {@code relationship.exists} (also for the loser of a race), 503 when the
     * client cannot be resolved right now.
     */
    public Mono<RelationshipView> connect(UUID freelancerId, String clientEmail) {
        Mono<Optional<UserProfile>> freelancer = profiles.bestEffort(freelancerId).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(profiles.clientByEmail(clientEmail), freelancer)
                .flatMap(parties -> {
                    UserProfile client = parties.getT1();
                    Relationship relationship = Relationship.connect(UUID.randomUUID(), freelancerId, client.id(),
                            now());
                    return store.insert(relationship)
                            .flatMap(created -> outbox.record(RelationshipCreated.of(created.id(),
                                    created.freelancerId(), created.clientId(), created.createdAt()))
                                    .thenReturn(created))
                            .as(transactional::transactional)
                            .onErrorMap(ActiveRelationshipExistsException.class, e -> ApiException.conflict(
                                    "relationship.exists", "This client is already connected to you."))
                            .map(created -> new RelationshipView(created, client, parties.getT2().orElse(null)));
                });
    }

    /**
     * The freelancer ends its relationship: from now on nothing new may be made for the pair; what exists stays.
     * Ending an ended relationship changes nothing and publishes nothing. 404 when it is not the freelancer's.
     */
    public Mono<Void> end(UUID freelancerId, UUID id) {
        return store.findForUpdate(freelancerId, id)
                .switchIfEmpty(Mono.error(RelationshipService::notFound))
                .flatMap(relationship -> {
                    Relationship ended = relationship.end(now());
                    if (ended == relationship) {
                        return Mono.<Void>empty();
                    }
                    return store.end(ended).then(outbox.record(RelationshipEnded.of(ended.id(),
                            ended.freelancerId(), ended.clientId(), ended.endedAt())));
                })
                .as(transactional::transactional);
    }

    /** The relationship, for either of its parties; 404 for anyone else. */
    public Mono<RelationshipView> get(CurrentUser caller, UUID id) {
        return store.findVisible(caller.id(), id).switchIfEmpty(Mono.error(RelationshipService::notFound));
    }

    /** A page of the caller's relationships, newest first: a freelancer's clients, a client's freelancers. */
    public Mono<Page<RelationshipView>> list(CurrentUser caller, StatusFilter filter, RelationshipPosition after,
            int limit) {
        return store.list(caller.id(), caller.role(), filter, after, limit + 1)
                .collectList()
                .map(views -> Cursors.page(views, limit, RelationshipCursors::of));
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; milliseconds read the same before and after a round trip
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ApiException notFound() {
        return ApiException.notFound("There is no such relationship.");
    }
}
