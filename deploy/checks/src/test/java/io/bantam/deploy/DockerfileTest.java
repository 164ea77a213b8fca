package io.bantam.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The root Dockerfile, read instruction by instruction (continuation lines joined, comments dropped). */
class DockerfileTest {

    static final List<String> INSTRUCTIONS = instructions(Yamls.read(Yamls.root().resolve("Dockerfile")));

    static List<String> instructions(String text) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                if (current.length() > 0) {
                    instructions.add(current.toString().strip());
                }
                current.setLength(0);
            }
        }
        return instructions;
    }

    static List<String> named(String keyword) {
        return INSTRUCTIONS.stream().filter(i -> i.toUpperCase().startsWith(keyword + " ")).toList();
    }

    static Map<String, String> buildArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : named("ARG")) {
            String[] parts = arg.substring(4).strip().split("=", 2);
            args.put(parts[0], parts.length > 1 ? parts[1] : null);
        }
        return args;
    }

    @Test
    void buildsInOneStageAndRunsInAnother() {
        List<String> from = named("FROM");
        assertThat(from).hasSizeGreaterThanOrEqualTo(2);
        assertThat(from.get(0)).containsIgnoringCase(" AS build");
        assertThat(INSTRUCTIONS).anySatisfy(i -> assertThat(i).startsWith("COPY --from=build"));
        assertThat(named("RUN")).anySatisfy(run -> assertThat(run).contains("./mvnw").contains("-pl \"${MODULE}\" -am"));
        assertThat(named("RUN")).anySatisfy(run -> assertThat(run).contains("-Djarmode=tools").contains("extract --layers"));
    }

    @Test
    void baseImagesArePinnedNeverLatest() {
        Map<String, String> args = buildArgs();
        for (String from : named("FROM")) {
            String image = from.split("\\s+")[1];
            Matcher reference = Pattern.compile("\\$\\{(\\w+)}").matcher(image);
            if (reference.matches()) {
                image = args.get(reference.group(1));
                assertThat(image).as("default of build arg %s", reference.group(1)).isNotNull();
            }
            assertThat(image).as(from).doesNotContain(":latest");
            boolean digest = image.matches(".+@sha256:[0-9a-f]{64}");
            boolean version = image.matches("[^@]+:\\d+(\\.\\d+)+[\\w.-]*");
            assertThat(digest || version).as("%s pinned by digest or full version", image).isTrue();
        }
    }

    @Test
    void runsAsANonRootUserWithoutAShell() {
        List<String> users = named("USER");
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).substring(5).strip();
        assertThat(user).as("the last USER").doesNotStartWith("root").doesNotStartWith("0:").isNotEqualTo("0")
                .matches("\\d+(:\\d+)?");
        assertThat(Integer.parseInt(user.split(":")[0])).isPositive();
        // distroless: no shell at run time, so every runtime-stage command is in exec form
        String runtimeStage = String.join("\n", INSTRUCTIONS.subList(INSTRUCTIONS.indexOf(named("FROM").get(1)), INSTRUCTIONS.size()));
        assertThat(named("FROM").get(1)).contains("RUNTIME_IMAGE");
        assertThat(buildArgs().get("RUNTIME_IMAGE")).contains("distroless/java17");
        for (String instruction : runtimeStage.split("\n")) {
            if (instruction.startsWith("RUN ") || instruction.startsWith("ENTRYPOINT ") || instruction.startsWith("CMD ")) {
                assertThat(instruction.substring(instruction.indexOf(' ') + 1).strip()).as(instruction).startsWith("[");
            }
        }
    }

    @Test
    void startsWithTheClassDataSharingArchiveOfATrainingRun() {
        assertThat(named("RUN")).anySatisfy(run -> assertThat(run)
                .contains("-XX:ArchiveClassesAtExit=/app/application.jsa").contains("-Dspring.context.exit=onRefresh"));
        List<String> entrypoint = named("ENTRYPOINT");
        assertThat(entrypoint).hasSize(1);
        assertThat(entrypoint.get(0)).contains("-XX:SharedArchiveFile=/app/application.jsa").contains("-Xshare:auto")
                .contains("/app/application.jar");
    }

    @Test
    void hasAHealthCheckOnTheReadinessProbe() {
        assertThat(named("HEALTHCHECK")).singleElement().satisfies(check -> assertThat(check).contains("CMD [").contains("HealthCheck"));
        assertThat(Yamls.read(Yamls.root().resolve("deploy/docker/HealthCheck.java"))).contains("/actuator/health/readiness");
    }

    @Test
    void theBuildContextLeavesOutBuildOutputAndLocalState() {
        List<String> ignored = Yamls.read(Yamls.root().resolve(".dockerignore")).lines()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(ignored).contains(".git", ".bantam", "**/target", "**/node_modules");
        assertThat(ignored).doesNotContain("deploy/docker", "mvnw", ".mvn");
    }
}
