package io.bantam.relationship.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.relationship.profile.domain.UserProfile;
import io.bantam.relationship.support.FakeIdentity.Behaviour;
import io.bantam.relationship.support.RelationshipJson;
import io.bantam.relationship.support.RelationshipServiceTestBase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Connecting to a client the profile projection does not know yet (it signed up a moment ago): relationship-service
 * asks identity-service's internal lookup. With identity-service stopped, a client the projection knows still
 * connects (201); one it does not know is 503 {@code service.unavailable}, never a 500 nor a false 404.
 */
class IdentityLookupIT extends RelationshipServiceTestBase {

    /** Two attempts of one second, 100 ms apart, and a little for the rest of the request. */
    private static final Duration LOOKUP_BOUND = Duration.ofMillis(3500);

    @Test
    void aClientWhoJustSignedUpIsFoundAtIdentityAndKept() {
        User freelancer = freelancer();
        UUID clientId = UUID.randomUUID();
        String email = "just+signed-up-" + clientId + "@example.com";
        Instant updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        identity.knows(clientId, email, "Ada Newcomer", "CLIENT", updatedAt);

        RelationshipJson relationship = connect(freelancer, email.toUpperCase())
                .expectStatus().isCreated()
                .expectBody(RelationshipJson.class).returnResult().getResponseBody();

        assertThat(relationship.client()).isEqualTo(new RelationshipJson.Client(clientId, "Ada Newcomer", email,
                "+49 30 1234", null, null, "Europe/Berlin"));
        UserProfile kept = profiles.findById(clientId).block();
        assertThat(kept.email()).isEqualTo(email);
        assertThat(kept.asOf()).isEqualTo(updatedAt);

        // kept: another freelancer connects to it while identity-service is down
        identity.stop();
        connect(freelancer(), email).expectStatus().isCreated().expectBody(Void.class);
    }

    @Test
    void withIdentityStoppedAClientTheProjectionKnowsIsConnected() {
        User freelancer = freelancer();
        User client = client();
        identity.stop();

        connect(freelancer, client.email())
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.client.name").isEqualTo(client.name());
    }

    @Test
    void withIdentityStoppedAnEmailTheProjectionDoesNotKnowIsUnavailable() {
        User freelancer = freelancer();
        identity.stop();

        long start = System.nanoTime();
        unavailable(connect(freelancer, "unknown-" + UUID.randomUUID() + "@example.com"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LOOKUP_BOUND);
        assertThat(list(freelancer, "?status=ALL").items()).isEmpty();
    }

    @Test
    void aHangingIdentityIsUnavailableAfterTheTimeoutNotAHang() {
        User freelancer = freelancer();
        identity.behave(Behaviour.HANGING);

        long start = System.nanoTime();
        unavailable(connect(freelancer, "unknown-" + UUID.randomUUID() + "@example.com"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LOOKUP_BOUND);
    }

    @Test
    void oneFailedLookupIsRetried() {
        User freelancer = freelancer();
        UUID clientId = UUID.randomUUID();
        String email = "retried-" + clientId + "@example.com";
        identity.knows(clientId, email, "Ada Retried", "CLIENT", Instant.now());
        identity.behave(Behaviour.FAIL_ONCE);

        connect(freelancer, email).expectStatus().isCreated().expectBody(Void.class);
    }

    @Test
    void aNotFoundThatIsNotIdentitysIsUnavailableNotAFalseNotFound() {
        identity.behave(Behaviour.WRONG_ENDPOINT);

        unavailable(connect(freelancer(), "unknown-" + UUID.randomUUID() + "@example.com"));
    }

    @Test
    void anEmailIdentityKnowsAsAFreelancersIsClientNotFound() {
        UUID freelancerId = UUID.randomUUID();
        String email = "freelancer-" + freelancerId + "@example.com";
        identity.knows(freelancerId, email, "Grace", "FREELANCER", Instant.now());

        connect(freelancer(), email)
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.not-found");
    }

    @Test
    void aFreelancerTheProjectionDoesNotKnowYetIsLookedUpForTheAnswer() {
        UUID freelancerId = UUID.randomUUID();
        identity.knows(freelancerId, "fresh-" + freelancerId + "@example.com", "Grace Fresh", "FREELANCER",
                Instant.now());
        User freelancer = new User(freelancerId, "fresh-" + freelancerId + "@example.com", "FREELANCER",
                Instant.now());
        User client = client();

        connect(freelancer, client.email())
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.freelancer.name").isEqualTo("Grace Fresh");
    }

    @Test
    void aFreelancerNobodyKnowsYetStillConnectsWithItsIdAlone() {
        User freelancer = new User(UUID.randomUUID(), "ghost@example.com", "FREELANCER", Instant.now());
        User client = client();
        identity.stop();

        connect(freelancer, client.email())
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.freelancer.id").isEqualTo(freelancer.id().toString())
                .jsonPath("$.freelancer.name").isEmpty();
    }

    private static void unavailable(WebTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody()
                .jsonPath("$.code").isEqualTo("service.unavailable")
                .jsonPath("$.status").isEqualTo(503);
    }
}
