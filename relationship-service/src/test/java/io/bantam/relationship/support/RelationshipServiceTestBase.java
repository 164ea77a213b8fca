package io.bantam.relationship.support;

import static org.awaitility.Awaitility.await;

import io.bantam.events.identity.UserEvent;
import io.bantam.events.identity.UserProfileUpdated;
import io.bantam.events.identity.UserRegistered;
import io.bantam.events.identity.UserSnapshot;
import io.bantam.relationship.profile.persistence.UserProfileStore;
import io.bantam.service.testsupport.TestSecurity;
import io.bantam.testing.TestTokens;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * relationship-service on a real PostgreSQL (a database of its own per test class) and a real Kafka broker, called
 * over HTTP with signed tokens. identity-service's internal lookup is a {@link FakeIdentity} (one per JVM), the
 * users topic is written the way identity-service writes it. Each test class consumes the users topic in a
 * consumer group of its own; tests keep apart by using new users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bantam.users.projection.group-id=relationship-service-test-${random.uuid}",
        "bantam.identity.service-token=" + FakeIdentity.TOKEN})
@AutoConfigureWebTestClient(timeout = "30s")
@Import(TestSecurity.class)
@WithPostgres
@WithKafka
public abstract class RelationshipServiceTestBase {

    protected static final Duration WITHIN = Duration.ofSeconds(20);

    protected static final FakeIdentity identity = FakeIdentity.start();

    @Autowired
    protected WebTestClient web;
    @Autowired
    protected UserProfileStore profiles;
    @Autowired
    protected KafkaTemplate<Object, Object> kafka;
    @Autowired
    protected JsonMapper json;
    @Autowired
    private CircuitBreakerRegistry circuitBreakers;

    @DynamicPropertySource
    static void identityUrl(DynamicPropertyRegistry registry) {
        registry.add("bantam.identity.url", identity::url);
    }

    @AfterEach
    void identityBackToNormal() {
        identity.restart();
        circuitBreakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    /** A user identity-service registered and published; waits until the projection has it. */
    protected User registered(String role) {
        User user = User.create(role);
        publish(UserRegistered.of(user.snapshot(), user.registeredAt()));
        awaitKnown(user.id());
        return user;
    }

    protected User freelancer() {
        return registered("FREELANCER");
    }

    protected User client() {
        return registered("CLIENT");
    }

    protected void awaitKnown(UUID userId) {
        await().atMost(WITHIN).until(() -> profiles.findById(userId).block() != null);
    }

    protected void publish(UserEvent event) {
        kafka.send(event.topic(), event.key(), json.writeValueAsString(event)).join();
    }

    /** A profile change as identity-service publishes it: the whole profile after the change. */
    protected UserProfileUpdated updated(UserSnapshot after, Instant occurredAt) {
        return UserProfileUpdated.of(after, occurredAt);
    }

    protected WebTestClient as(String token) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    protected WebTestClient as(User user) {
        return as(user.token());
    }

    protected WebTestClient.ResponseSpec connect(User freelancer, String clientEmail) {
        return as(freelancer).post().uri("/api/relationships").bodyValue(Map.of("clientEmail", clientEmail)).exchange();
    }

    protected RelationshipJson connected(User freelancer, User client) {
        return connect(freelancer, client.email()).expectStatus().isCreated()
                .expectBody(RelationshipJson.class).returnResult().getResponseBody();
    }

    protected RelationshipJson read(User caller, UUID relationshipId) {
        return as(caller).get().uri("/api/relationships/{id}", relationshipId).exchange()
                .expectStatus().isOk()
                .expectBody(RelationshipJson.class).returnResult().getResponseBody();
    }

    protected RelationshipJson.Page list(User caller, String query) {
        return as(caller).get().uri("/api/relationships" + query).exchange()
                .expectStatus().isOk()
                .expectBody(RelationshipJson.Page.class).returnResult().getResponseBody();
    }

    /** A user of the tests: its id, its profile as identity-service has it, and a token to call with. */
    public record User(UUID id, String email, String role, Instant registeredAt) {

        static User create(String role) {
            UUID id = UUID.randomUUID();
            return new User(id, role.toLowerCase() + "-" + id + "@example.com", role,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }

        public String name() {
            return "Ada " + id.toString().substring(0, 8);
        }

        public UserSnapshot snapshot() {
            return new UserSnapshot(id, email, name(), role, "Europe/Berlin", null, null, null);
        }

        public String token() {
            return TestTokens.token(id, role);
        }
    }
}
