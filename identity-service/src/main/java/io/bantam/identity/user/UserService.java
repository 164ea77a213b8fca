package io.bantam.identity.user;

import io.bantam.events.identity.UserProfileUpdated;
import io.bantam.events.identity.UserRegistered;
import io.bantam.events.identity.UserSnapshot;
import io.bantam.identity.user.domain.Credentials;
import io.bantam.identity.user.domain.EmailTakenException;
import io.bantam.identity.user.domain.Emails;
import io.bantam.identity.user.domain.ProfileChange;
import io.bantam.identity.user.domain.User;
import io.bantam.identity.user.domain.UserVersion;
import io.bantam.identity.user.persistence.UserStore;
import io.bantam.service.outbox.Outbox;
import io.bantam.service.problem.ApiException;
import io.bantam.service.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Users and their profiles. Every change other services must learn of is recorded in the outbox in the same
 * transaction as the change itself.
 */
@Service
public class UserService {

    private final UserStore users;
    private final Outbox outbox;
    private final Clock clock;

    UserService(UserStore users, Outbox outbox, Clock clock) {
        this.users = users;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Creates the user and records {@code UserRegistered}; 409 {@code user.email-taken} when the email is taken. */
    @Transactional
    public Mono<User> register(String email, String passwordHash, String name, Role role, ZoneId timeZone) {
        Instant now = now();
        User user = User.register(UUID.randomUUID(), email, name, role, timeZone, now);
        return users.insert(user, passwordHash)
                .onErrorMap(EmailTakenException.class, e -> emailTaken())
                .flatMap(created -> outbox.record(UserRegistered.of(snapshot(created), now)).thenReturn(created));
    }

    /**
     * 409 {@code user.email-taken} when a user has this email (compared case-insensitively). A cheap check
     * before the expensive password hash; {@link #register} still maps the unique index's verdict for races.
     */
    public Mono<Void> requireEmailFree(String email) {
        return users.existsByEmail(Emails.normalize(email))
                .flatMap(taken -> taken ? Mono.error(emailTaken()) : Mono.<Void>empty());
    }

    public Mono<Credentials> credentials(String email) {
        return users.findCredentialsByEmail(Emails.normalize(email));
    }

    /** The user; 404 when there is none (a valid token of a user that no longer exists). */
    public Mono<User> get(UUID id) {
        return users.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("There is no such user.")));
    }

    /** The user with that email (compared case-insensitively) as of its latest change; empty when there is none. */
    public Mono<UserVersion> lookup(String email) {
        return users.findVersionByEmail(Emails.normalize(email));
    }

    /** The user as of its latest change; empty when there is none. */
    public Mono<UserVersion> lookup(UUID id) {
        return users.findVersionById(id);
    }

    /**
     * Applies the change and, when it changed anything, records {@code UserProfileUpdated} with the whole
     * profile after it. The row is locked for the read-modify-write, so concurrent changes apply one after the
     * other and their events leave in the same order.
     */
    @Transactional
    public Mono<User> updateProfile(UUID id, ProfileChange change) {
        return users.findByIdForUpdate(id)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("There is no such user.")))
                .flatMap(current -> {
                    User changed = current.apply(change);
                    if (changed.equals(current)) {
                        return Mono.just(current);
                    }
                    Instant now = now();
                    return users.updateProfile(changed, now)
                            .then(outbox.record(UserProfileUpdated.of(snapshot(changed), now)))
                            .thenReturn(changed);
                });
    }

    static UserSnapshot snapshot(User user) {
        return new UserSnapshot(user.id(), user.email(), user.name(), user.role().name(), user.timeZone().getId(),
                user.phone(), user.preferredName(), user.pronouns());
    }

    static ApiException emailTaken() {
        return ApiException.conflict("user.email-taken", "A user with this email already exists.");
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; milliseconds read the same before and after a round trip
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
