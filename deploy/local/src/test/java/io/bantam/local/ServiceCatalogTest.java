package io.bantam.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCatalogTest {

    @TempDir
    Path folder;

    @Test
    void theCommittedCatalogStartsIdentityBeforeTheGatewayAndTheGatewayLast() throws Exception {
        List<ServiceDefinition> services = ServiceDefinition.readCatalog(Path.of("services.conf"));

        assertThat(services).first().isEqualTo(
                new ServiceDefinition("identity", 8081, "identity-service", Optional.of("identity")));
        assertThat(services).last()
                .isEqualTo(new ServiceDefinition("gateway", 8080, "gateway", Optional.of("gateway")));
    }

    @Test
    void aServiceJoinsWithOneLine() throws Exception {
        Path catalog = write("""
                # name port module database
                identity 8081 identity-service identity
                notes    8085 notes-service    notes
                gateway  8080 gateway          -
                """);

        assertThat(ServiceDefinition.readCatalog(catalog)).extracting(ServiceDefinition::name)
                .containsExactly("identity", "notes", "gateway");
    }

    @Test
    void mistakesAreReportedWithTheirLine() throws Exception {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceDefinition.readCatalog(write("identity 8081 identity-service\n")))
                .withMessageContaining(":1:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceDefinition.readCatalog(write("a 1 m -\nb x m -\n")))
                .withMessageContaining(":2:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceDefinition.readCatalog(write("a 1 m drop;table\n")))
                .withMessageContaining("database");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceDefinition.readCatalog(write("a 1 m -\na 2 n -\n")))
                .withMessageContaining("twice");
    }

    @Test
    void variablesAreNamedAfterTheService() {
        ServiceDefinition service = new ServiceDefinition("notes-api", 8085, "notes", Optional.empty());
        assertThat(service.urlVariable()).isEqualTo("NOTES_API_URL");
        assertThat(service.portVariable()).isEqualTo("BANTAM_NOTES_API_PORT");
    }

    private Path write(String content) throws Exception {
        Path catalog = folder.resolve("services.conf");
        Files.writeString(catalog, content);
        return catalog;
    }
}
