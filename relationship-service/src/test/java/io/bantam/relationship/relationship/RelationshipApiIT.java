package io.bantam.relationship.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import io.bantam.events.relationships.RelationshipCreated;
import io.bantam.events.relationships.RelationshipEnded;
import io.bantam.relationship.support.RelationshipJson;
import io.bantam.relationship.support.RelationshipServiceTestBase;
import io.bantam.relationship.support.TopicReader;
import io.bantam.service.testsupport.ApiDocuments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** CONTRACT.md's Relationships section over HTTP, and the events it publishes, on real PostgreSQL and Kafka. */
class RelationshipApiIT extends RelationshipServiceTestBase {

    private static TopicReader relationshipsTopic;

    @LocalServerPort
    int port;

    @BeforeAll
    static void readTopic() {
        relationshipsTopic = TopicReader.relationships();
    }

    @AfterAll
    static void stopReading() {
        relationshipsTopic.close();
    }

    // connect

    @Test
    void aFreelancerConnectsToAClientAccountByEmail() {
        User freelancer = freelancer();
        User client = client();

        Map<String, Object> body = connect(freelancer, client.email())
                .expectStatus().isCreated()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat(body).containsOnlyKeys("id", "freelancerId", "clientId", "status", "client", "freelancer",
                        "createdAt", "endedAt")
                .containsEntry("freelancerId", freelancer.id().toString())
                .containsEntry("clientId", client.id().toString())
                .containsEntry("status", "ACTIVE")
                .containsEntry("endedAt", null)
                .containsEntry("client", members("id", client.id().toString(), "name", client.name(),
                        "email", client.email(), "phone", null, "preferredName", null, "pronouns", null,
                        "timeZone", "Europe/Berlin"))
                .containsEntry("freelancer", Map.of("id", freelancer.id().toString(), "name", freelancer.name(),
                        "email", freelancer.email()));
        assertThat(Instant.parse((String) body.get("createdAt"))).isBetween(Instant.now().minusSeconds(10),
                Instant.now().plusSeconds(1));

        UUID id = UUID.fromString((String) body.get("id"));
        assertThat(read(freelancer, id)).isEqualTo(read(client, id));
        assertThat(read(client, id).client().name()).isEqualTo(client.name());
    }

    @Test
    void theClientsEmailIsFoundWhateverItsCase() {
        User freelancer = freelancer();
        User client = client();

        connect(freelancer, "  " + client.email().toUpperCase() + " ")
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.clientId").isEqualTo(client.id().toString());
    }

    @Test
    void anEmailNoUserHasIsClientNotFound() {
        connect(freelancer(), "nobody-" + UUID.randomUUID() + "@example.com")
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("client.not-found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").exists()
                .jsonPath("$.detail").exists();
    }

    @Test
    void aFreelancersEmailIsNoClient() {
        User freelancer = freelancer();
        User otherFreelancer = freelancer();

        connect(freelancer, otherFreelancer.email())
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.not-found");
        connect(freelancer, freelancer.email())
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.not-found");
    }

    @Test
    void connectingToAnAlreadyConnectedClientIsAConflict() {
        User freelancer = freelancer();
        User client = client();
        connected(freelancer, client);

        connect(freelancer, client.email())
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("relationship.exists");
    }

    @Test
    void ofConcurrentConnectsOfOnePairExactlyOneSucceeds() {
        User freelancer = freelancer();
        User client = client();
        WebClient http = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + freelancer.token()).build();

        List<Integer> statuses = Flux.range(0, 8)
                .flatMap(i -> http.post().uri("/api/relationships")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("clientEmail", i % 2 == 0 ? client.email() : client.email().toUpperCase()))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())))
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        assertThat(list(freelancer, "?status=ALL").items()).hasSize(1);
        relationshipsTopic.await(record -> freelancer.id().toString().equals(record.key()), 1);
        assertThat(relationshipsTopic.within(Duration.ofMillis(500),
                record -> freelancer.id().toString().equals(record.key()))).hasSize(1);
    }

    @Test
    void onlyAFreelancerConnectsAndEnds() {
        User freelancer = freelancer();
        User client = client();
        RelationshipJson relationship = connected(freelancer, client);

        as(client).post().uri("/api/relationships").bodyValue(Map.of("clientEmail", freelancer.email())).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("role.forbidden");
        // refused for its role before its body is even read
        as(client).post().uri("/api/relationships").bodyValue(Map.of("nonsense", 1)).exchange()
                .expectStatus().isForbidden().expectBody(Void.class);
        as(client).delete().uri("/api/relationships/{id}", relationship.id()).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("role.forbidden");

        assertThat(read(freelancer, relationship.id()).status()).isEqualTo("ACTIVE");
    }

    // read

    @Test
    void aFreelancerSeesItsClientsAndAClientItsFreelancers() {
        User freelancer = freelancer();
        User firstClient = client();
        User secondClient = client();
        User otherFreelancer = freelancer();
        RelationshipJson first = connected(freelancer, firstClient);
        RelationshipJson second = connected(freelancer, secondClient);
        RelationshipJson ofOther = connected(otherFreelancer, firstClient);

        assertThat(list(freelancer, "").items()).extracting(RelationshipJson::id)
                .containsExactly(second.id(), first.id());
        assertThat(list(firstClient, "").items()).extracting(RelationshipJson::id)
                .containsExactly(ofOther.id(), first.id());
        assertThat(list(firstClient, "").items()).extracting(relationship -> relationship.freelancer().name())
                .containsExactly(otherFreelancer.name(), freelancer.name());
        assertThat(list(secondClient, "").items()).extracting(RelationshipJson::id).containsExactly(second.id());
    }

    @Test
    void nobodyButItsPartiesKnowsARelationshipExists() {
        User freelancer = freelancer();
        User client = client();
        RelationshipJson relationship = connected(freelancer, client);
        User otherFreelancer = freelancer();
        User otherClient = client();

        for (User stranger : List.of(otherFreelancer, otherClient)) {
            as(stranger).get().uri("/api/relationships/{id}", relationship.id()).exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("not-found");
            assertThat(list(stranger, "?status=ALL").items()).isEmpty();
        }
        as(otherFreelancer).delete().uri("/api/relationships/{id}", relationship.id()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
        as(freelancer).get().uri("/api/relationships/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound().expectBody(Void.class);

        assertThat(read(freelancer, relationship.id()).status()).isEqualTo("ACTIVE");
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        web.get().uri("/api/relationships").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("auth.unauthenticated");
    }

    @Test
    void listsComeInPagesNewestFirst() {
        User freelancer = freelancer();
        List<UUID> connectedNewestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            connectedNewestFirst.add(0, connected(freelancer, client()).id());
        }

        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RelationshipJson.Page page = list(freelancer, "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(item -> seen.add(item.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(connectedNewestFirst);
        assertThat(new HashSet<>(seen)).hasSize(5);
        assertThat(list(freelancer, "?limit=5").nextCursor()).isNull();
    }

    // end

    @Test
    void anEndedRelationshipStaysAsHistory() {
        User freelancer = freelancer();
        User client = client();
        RelationshipJson relationship = connected(freelancer, client);

        as(freelancer).delete().uri("/api/relationships/{id}", relationship.id()).exchange()
                .expectStatus().isNoContent()
                .expectBody().isEmpty();

        RelationshipJson ended = read(client, relationship.id());
        assertThat(ended.status()).isEqualTo("ENDED");
        assertThat(ended.endedAt()).isAfterOrEqualTo(ended.createdAt());
        assertThat(list(freelancer, "").items()).isEmpty();
        assertThat(list(freelancer, "?status=ACTIVE").items()).isEmpty();
        assertThat(list(freelancer, "?status=ENDED").items()).extracting(RelationshipJson::id)
                .containsExactly(relationship.id());
        assertThat(list(client, "?status=ALL").items()).extracting(RelationshipJson::id)
                .containsExactly(relationship.id());

        // ending it again changes nothing
        as(freelancer).delete().uri("/api/relationships/{id}", relationship.id()).exchange()
                .expectStatus().isNoContent().expectBody(Void.class);
        assertThat(read(freelancer, relationship.id())).isEqualTo(ended);
    }

    @Test
    void connectingAgainAfterAnEndMakesANewRelationship() {
        User freelancer = freelancer();
        User client = client();
        RelationshipJson first = connected(freelancer, client);
        as(freelancer).delete().uri("/api/relationships/{id}", first.id()).exchange()
                .expectStatus().isNoContent().expectBody(Void.class);

        RelationshipJson second = connected(freelancer, client);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(list(freelancer, "").items()).extracting(RelationshipJson::id).containsExactly(second.id());
        assertThat(list(freelancer, "?status=ALL").items()).extracting(RelationshipJson::id)
                .containsExactly(second.id(), first.id());
    }

    // events

    @Test
    void connectingAndEndingPublishTheContractsEventsKeyedByTheFreelancer() {
        User freelancer = freelancer();
        User client = client();
        RelationshipJson relationship = connected(freelancer, client);
        as(freelancer).delete().uri("/api/relationships/{id}", relationship.id()).exchange()
                .expectStatus().isNoContent().expectBody(Void.class);
        RelationshipJson ended = read(freelancer, relationship.id());

        ConsumerRecord<String, String> created = relationshipsTopic.awaitOne(
                TopicReader.event(RelationshipCreated.TYPE, relationship.id()));
        ConsumerRecord<String, String> end = relationshipsTopic.awaitOne(
                TopicReader.event(RelationshipEnded.TYPE, relationship.id()));

        for (ConsumerRecord<String, String> record : List.of(created, end)) {
            Map<String, Object> event = TopicReader.json(record);
            assertThat(record.key()).isEqualTo(freelancer.id().toString());
            assertThat(event).containsOnlyKeys("eventId", "type", "occurredAt", "relationshipId", "freelancerId",
                            "clientId")
                    .containsEntry("relationshipId", relationship.id().toString())
                    .containsEntry("freelancerId", freelancer.id().toString())
                    .containsEntry("clientId", client.id().toString());
            assertThat(UUID.fromString((String) event.get("eventId"))).isNotNull();
        }
        assertThat(Instant.parse((String) TopicReader.json(created).get("occurredAt")))
                .isEqualTo(relationship.createdAt());
        assertThat(Instant.parse((String) TopicReader.json(end).get("occurredAt"))).isEqualTo(ended.endedAt());
        assertThat(TopicReader.json(created).get("eventId")).isNotEqualTo(TopicReader.json(end).get("eventId"));
    }

    @Test
    void endingAnEndedRelationshipPublishesNothingMore() {
        User freelancer = freelancer();
        RelationshipJson relationship = connected(freelancer, client());
        as(freelancer).delete().uri("/api/relationships/{id}", relationship.id()).exchange()
                .expectStatus().isNoContent().expectBody(Void.class);
        as(freelancer).delete().uri("/api/relationships/{id}", relationship.id()).exchange()
                .expectStatus().isNoContent().expectBody(Void.class);

        relationshipsTopic.awaitOne(TopicReader.event(RelationshipEnded.TYPE, relationship.id()));
        assertThat(relationshipsTopic.within(Duration.ofMillis(500),
                TopicReader.event(RelationshipEnded.TYPE, relationship.id()))).hasSize(1);
    }

    // requests the API refuses

    @Test
    void aRequestThatIsNotValidNamesWhatIsWrong() {
        User freelancer = freelancer();

        invalid(as(freelancer).post().uri("/api/relationships").bodyValue(Map.of("clientEmail", "not-an-email"))
                .exchange(), "clientEmail");
        invalid(as(freelancer).post().uri("/api/relationships").bodyValue(Map.of("clientEmail", " ")).exchange(),
                "clientEmail");
        invalid(as(freelancer).post().uri("/api/relationships")
                .bodyValue(Map.of("clientEmail", "a@example.com", "clientemail", "b@example.com")).exchange(),
                "clientemail");
        invalid(as(freelancer).get().uri("/api/relationships?status=BROKEN").exchange(), "status");
        invalid(as(freelancer).get().uri("/api/relationships?limit=0").exchange(), "limit");
        invalid(as(freelancer).get().uri("/api/relationships?limit=501").exchange(), "limit");
        invalid(as(freelancer).get().uri("/api/relationships?cursor=not-a-cursor").exchange(), "cursor");
        invalid(as(freelancer).get().uri("/api/relationships/not-a-uuid").exchange(), "id");
        as(freelancer).post().uri("/api/relationships").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"clientEm")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.invalid");
    }

    private static void invalid(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("request.invalid")
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    /** A JSON object as read into a map; values may be null. */
    private static Map<String, Object> members(Object... namesAndValues) {
        Map<String, Object> members = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return members;
    }

    @Test
    void theApiDocumentDescribesExactlyTheRelationshipsApi() {
        ApiDocuments documents = ApiDocuments.of(web).describesExactly(Set.of("POST /api/relationships",
                "GET /api/relationships", "GET /api/relationships/{id}", "DELETE /api/relationships/{id}"), Set.of());

        assertThat(documents.describes("POST /api/relationships", 403)).contains("role.forbidden");
        assertThat(documents.describes("POST /api/relationships", 404)).contains("client.not-found");
        assertThat(documents.describes("POST /api/relationships", 409)).contains("relationship.exists");
        assertThat(documents.describes("DELETE /api/relationships/{id}", 403)).contains("role.forbidden");
        assertThat(documents.responses("GET /api/relationships/{id}")).doesNotContain("403").contains("200", "404");
        assertThat(documents.document().at("/paths/~1api~1relationships/get/parameters").toString())
                .contains("\"status\"", "ACTIVE", "ENDED");
    }
}
