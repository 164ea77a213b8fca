package io.bantam.relationship.profile;

import io.bantam.relationship.identity.IdentityClient;
import io.bantam.relationship.profile.domain.UserProfile;
import io.bantam.relationship.profile.persistence.UserProfileStore;
import io.bantam.service.problem.ApiException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The users this service knows: a projection of identity-service's users, fed by {@code bantam.identity.users.v1}
 * and, for a user the topic has not brought yet, by identity-service's internal lookup. Both write through
 * {@link UserProfileStore#save}, so the newest version wins whichever came first.
 */
@Service
public class UserProfiles {

    private final UserProfileStore store;
    private final IdentityClient identity;

    UserProfiles(UserProfileStore store, IdentityClient identity) {
        this.store = store;
        this.identity = identity;
    }

    /** Applies a version of a profile from the users topic; whether it was newer than what was known. */
    public Mono<Boolean> apply(UserProfile profile) {
        return store.save(profile);
    }

    /**
     * The client account with that email: from the projection, else from identity-service (and then kept). 404
     * {@code client.not-found} when no client has it (a freelancer's email included); 503
     * {@code service.unavailable} when the projection does not know the email and identity-service cannot be asked.
     */
    public Mono<UserProfile> clientByEmail(String email) {
        return store.findByEmail(email)
                .switchIfEmpty(Mono.defer(() -> identity.findByEmail(email).flatMap(this::keep)))
                .filter(UserProfile::isClient)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("client.not-found",
                        "There is no client account with this email.")));
    }

    /**
     * The user with that id: from the projection, else from identity-service (and then kept); empty when neither
     * knows it or identity-service cannot be asked. For what a response may show without (a party's name).
     */
    public Mono<UserProfile> bestEffort(UUID id) {
        return store.findById(id)
                .switchIfEmpty(Mono.defer(() -> identity.findById(id).flatMap(this::keep)))
                .onErrorResume(ApiException.class, unavailable -> Mono.empty());
    }

    /** Keeps what a lookup found, unless the topic brought a newer version meanwhile; answers the kept one. */
    private Mono<UserProfile> keep(UserProfile found) {
        return store.save(found).flatMap(saved -> saved ? Mono.just(found) : store.findById(found.id()));
    }
}
