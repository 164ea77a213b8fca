package io.bantam.task.task.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bantam.service.patch.Patch;
import io.bantam.service.patch.PatchModule;
import io.bantam.task.task.domain.Priority;
import io.bantam.task.task.domain.TaskChange;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PatchTaskRequestTest {

    private final JsonMapper json = JsonMapper.builder().addModule(new PatchModule()).build();
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void anEmptyBodyChangesNothing() {
        assertThat(change("{}")).isEqualTo(TaskChange.none());
    }

    @Test
    void absentMembersAreKeptAndPresentOnesSet() {
        TaskChange change = change("{\"completed\": true, \"priority\": \"HIGH\", \"dueDate\": \"2027-01-10\"}");

        assertThat(change.completed()).isEqualTo(Patch.set(true));
        assertThat(change.priority()).isEqualTo(Patch.set(Priority.HIGH));
        assertThat(change.dueDate()).isEqualTo(Patch.set(LocalDate.of(2027, 1, 10)));
        assertThat(change.title()).isEqualTo(Patch.keep());
        assertThat(change.clientId()).isEqualTo(Patch.keep());
    }

    @Test
    void anExplicitNullClientIdDetachesAndAnAbsentOneKeepsTheClient() {
        assertThat(change("{\"clientId\": null}").clientId()).isEqualTo(Patch.set(null));
        assertThat(change("{\"title\": \"x\"}").clientId()).isEqualTo(Patch.keep());
        UUID client = UUID.randomUUID();
        assertThat(change("{\"clientId\": \"" + client + "\"}").clientId()).isEqualTo(Patch.set(client));
    }

    @Test
    void anExplicitNullClearsTheDueDateAndTheDescription() {
        TaskChange change = change("{\"dueDate\": null, \"description\": null}");

        assertThat(change.dueDate()).isEqualTo(Patch.set(null));
        assertThat(change.description()).isEqualTo(Patch.set(""));
    }

    @Test
    void anExplicitNullForAFieldEveryTaskHasIsA400NamingEachField() {
        // the 400 itself: TaskApiIT
        assertThat(validator.validate(json.readValue("{\"title\": null, \"priority\": null, \"completed\": null}",
                PatchTaskRequest.class)))
                .extracting(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .containsExactlyInAnyOrder("title must not be null", "priority must not be null",
                        "completed must not be null");
    }

    @Test
    void aDueDateMustBeAPlainDateNotADateTime() {
        assertThatThrownBy(() -> change("{\"dueDate\": \"2027-01-10T23:30:00Z\"}"))
                .isInstanceOf(tools.jackson.core.JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"title\": \"x\", \"dueDate\": \"2027-01-10T23:30:00Z\"}",
                CreateTaskRequest.class)).isInstanceOf(tools.jackson.core.JacksonException.class);
        assertThat(json.readValue("{\"title\": \"x\", \"dueDate\": \"2027-01-10\"}", CreateTaskRequest.class)
                .dueDate()).isEqualTo(LocalDate.of(2027, 1, 10));
    }

    private TaskChange change(String body) {
        return json.readValue(body, PatchTaskRequest.class).toChange();
    }
}
