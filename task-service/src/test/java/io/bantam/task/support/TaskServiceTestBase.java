package io.bantam.task.support;

import io.bantam.service.testsupport.FreelancerApiTestBase;
import io.bantam.service.testsupport.RelationshipEvents;
import io.bantam.service.testsupport.TestSecurity;
import io.bantam.testing.WithKafka;
import io.bantam.testing.WithPostgres;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * task-service on a real PostgreSQL (a database of its own per test class) and a real Kafka broker, called over
 * HTTP with signed tokens. Each test class consumes the relationships topic in a consumer group of its own.
 * The JVM runs at UTC+14 (see the pom) and the database sessions at UTC-11: a date that went through an instant
 * anywhere would land on another day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bantam.relationships.projection.group-id=task-service-test-${random.uuid}",
        "spring.r2dbc.properties.timeZone=" + TaskServiceTestBase.DATABASE_SESSION_ZONE})
@AutoConfigureWebTestClient
@Import({TestSecurity.class, RelationshipEvents.class})
@WithPostgres
@WithKafka
public abstract class TaskServiceTestBase extends FreelancerApiTestBase {

    protected static final String DATABASE_SESSION_ZONE = "Pacific/Pago_Pago";

    protected TaskJson create(TaskBody body) {
        return asFreelancer().post().uri("/api/tasks").bodyValue(body.json()).exchange()
                .expectStatus().isCreated()
                .expectBody(TaskJson.class).returnResult().getResponseBody();
    }

    protected TaskJson read(UUID id) {
        return asFreelancer().get().uri("/api/tasks/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(TaskJson.class).returnResult().getResponseBody();
    }

    protected TaskJson update(UUID id, TaskBody body) {
        return asFreelancer().patch().uri("/api/tasks/{id}", id).bodyValue(body.json()).exchange()
                .expectStatus().isOk()
                .expectBody(TaskJson.class).returnResult().getResponseBody();
    }
}
