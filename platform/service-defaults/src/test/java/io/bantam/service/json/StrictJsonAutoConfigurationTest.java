package io.bantam.service.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonAutoConfigurationTest {

    enum Priority { LOW, MEDIUM, HIGH }

    record Request(String title, Integer minutes, Boolean done, Priority priority, UUID clientId) {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StrictJsonAutoConfiguration.class, JacksonAutoConfiguration.class));

    @Test
    void valuesOfTheDeclaredTypeAreRead() {
        context.run(ctx -> {
            Request read = ctx.getBean(JsonMapper.class).readValue("""
                    {"title":"Call","minutes":30,"done":true,"priority":"HIGH",
                     "clientId":"6f1c1a52-7f55-4a4b-9a38-1f4b7f3e2a10"}""", Request.class);
            assertThat(read).isEqualTo(new Request("Call", 30, true, Priority.HIGH,
                    UUID.fromString("6f1c1a52-7f55-4a4b-9a38-1f4b7f3e2a10")));
        });
    }

    @Test
    void wrongScalarTypesAreRefusedNotCoerced() {
        context.run(ctx -> {
            JsonMapper json = ctx.getBean(JsonMapper.class);
            for (String body : new String[] {
                    "{\"title\":12345}", "{\"title\":1.5}", "{\"title\":true}",
                    "{\"minutes\":\"30\"}", "{\"minutes\":30.5}", "{\"done\":\"true\"}", "{\"done\":1}",
                    "{\"priority\":1}", "{\"clientId\":\"\"}", "{\"minutes\":\"\"}"}) {
                assertThatThrownBy(() -> json.readValue(body, Request.class)).as(body)
                        .isInstanceOf(JacksonException.class);
            }
        });
    }

    @Test
    void withoutItJacksonWouldCoerce() {
        // the defaults this configuration exists to change: if Jackson stopped coercing by itself, drop it
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .run(ctx -> assertThat(ctx.getBean(JsonMapper.class).readValue("{\"title\":12345,\"priority\":1}",
                        Request.class)).isEqualTo(new Request("12345", null, null, Priority.MEDIUM, null)));
    }
}
