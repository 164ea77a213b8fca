package io.bantam.task.task.web;

import static io.bantam.task.task.domain.Tasks.aTask;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.bantam.service.json.StrictJsonAutoConfiguration;
import io.bantam.service.patch.Patch;
import io.bantam.service.patch.PatchAutoConfiguration;
import io.bantam.service.problem.ProblemAutoConfiguration;
import io.bantam.service.security.SecurityAutoConfiguration;
import io.bantam.service.testsupport.TestSecurity;
import io.bantam.task.task.TaskService;
import io.bantam.task.task.domain.Priority;
import io.bantam.task.task.domain.TaskChange;
import io.bantam.testing.TestTokens;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The web slice of {@code PATCH /api/tasks/{id}}: how a body is read into the change the service gets, and which
 * bodies are refused with a 400 before the service is asked (the service is a mock: what it does with a change is
 * TaskApiIT's, on PostgreSQL).
 */
@WebFluxTest(controllers = TaskController.class)
@ImportAutoConfiguration({StrictJsonAutoConfiguration.class, PatchAutoConfiguration.class,
        ProblemAutoConfiguration.class, SecurityAutoConfiguration.class})
@Import(TestSecurity.class)
class TaskControllerWebTest {

    @Autowired
    WebTestClient web;

    @MockitoBean
    TaskService tasks;

    private final UUID freelancer = UUID.randomUUID();
    private final UUID id = UUID.randomUUID();

    @Test
    void theServiceGetsExactlyTheMembersTheBodyHad() {
        when(tasks.update(eq(freelancer), eq(id), any())).thenReturn(Mono.just(aTask().build()));

        patch("{\"priority\": \"HIGH\", \"dueDate\": null, \"description\": null}").expectStatus().isOk();

        verify(tasks).update(freelancer, id, new TaskChange(Patch.keep(), Patch.set(""), Patch.set(Priority.HIGH),
                Patch.set(null), Patch.keep(), Patch.keep()));
    }

    @Test
    void anEmptyBodyIsNoChange() {
        when(tasks.update(eq(freelancer), eq(id), any())).thenReturn(Mono.just(aTask().build()));

        patch("{}").expectStatus().isOk();

        verify(tasks).update(freelancer, id, TaskChange.none());
    }

    @Test
    void aDueDateIsReadAsAPlainDate() {
        when(tasks.update(eq(freelancer), eq(id), any())).thenReturn(Mono.just(aTask().build()));

        patch("{\"dueDate\": \"2027-01-10\"}").expectStatus().isOk();

        verify(tasks).update(freelancer, id, TaskChange.none().withDueDate(LocalDate.of(2027, 1, 10)));
    }

    @Test
    void badBodiesAre400sNamingTheFieldAndNeverReachTheService() {
        refused("{\"title\": null}", "title", "must not be null");
        refused("{\"completed\": null}", "completed", "must not be null");
        refused("{\"title\": \"   \"}", "title", "must not be blank");
        refused("{\"title\": \"" + "x".repeat(201) + "\"}", "title", "length must be between 1 and 200");
        refused("{\"priority\": \"URGENT\"}", "priority", "must be one of [LOW, MEDIUM, HIGH]");
        refused("{\"priority\": 1}", "priority", "must be one of [LOW, MEDIUM, HIGH]");
        refused("{\"dueDate\": \"2027-01-10T23:30:00Z\"}", "dueDate", "has an invalid value");
        refused("{\"clientId\": \"\"}", "clientId", "has an invalid value");
        refused("{\"completed\": \"yes\"}", "completed", "has an invalid value");
        refused("{\"colour\": \"red\"}", "colour", "is not a known field");

        verify(tasks, never()).update(any(), any(), any());
    }

    private void refused(String body, String field, String message) {
        patch(body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("request.invalid")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isEqualTo(message);
    }

    private WebTestClient.ResponseSpec patch(String body) {
        return web.patch().uri("/api/tasks/{id}", id)
                .headers(h -> h.setBearerAuth(TestTokens.token(freelancer, "FREELANCER")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
