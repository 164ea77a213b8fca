package io.bantam.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Kustomize subset deploy/checks renders: its rules, and the same output as kubectl where kubectl is here. */
class KustomizeTest {

    @TempDir
    Path dir;

    @Test
    void keyedListsMergeAsKustomizeOrdersThem() {
        Map<String, Object> base = Yamls.loadAll("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec: {template: {spec: {containers: [{name: c, env: [{name: A, value: "1"}, {name: C, value: "3"}, {name: D, value: "4"}]}]}}}
                """, "base").get(0);
        Map<String, Object> patch = Yamls.loadAll("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec: {replicas: null, template: {spec: {containers: [{name: c, env: [{name: C, value: "33"}, {name: B, value: "2"}]}]}}}
                """, "patch").get(0);
        Map<String, Object> merged = Kustomize.mergeMaps(base, patch, true);
        Map<String, Object> container = Yamls.maps(merged, "spec", "template", "spec", "containers").get(0);
        assertThat(Yamls.maps(container, "env")).extracting(env -> env.get("name") + "=" + env.get("value"))
                .containsExactly("C=33", "B=2", "A=1", "D=4");
    }

    @Test
    void listsOfCustomResourcesAreReplaced() {
        Map<String, Object> base = Map.of("spec", Map.of("volumes", List.of(Map.of("id", 0, "size", "50Gi"))));
        Map<String, Object> patch = Map.of("spec", Map.of("volumes", List.of(Map.of("id", 0, "size", "5Gi"))));
        assertThat(Kustomize.mergeMaps(base, patch, false)).isEqualTo(patch);
    }

    @Test
    void imagesKeepWhatTheEntryDoesNotChange() {
        assertThat(Kustomize.replaceImage("bantam/x", Map.of("name", "bantam/x", "newName", "r.io/bantam/x", "newTag", "1.0")))
                .isEqualTo("r.io/bantam/x:1.0");
        assertThat(Kustomize.replaceImage("bantam/x:0.1", Map.of("name", "bantam/x", "digest", "sha256:ab")))
                .isEqualTo("bantam/x@sha256:ab");
        assertThat(Kustomize.replaceImage("bantam/y:0.1", Map.of("name", "bantam/x", "newTag", "2"))).isEqualTo("bantam/y:0.1");
    }

    @Test
    void anythingOutsideTheSubsetFailsTheRender() throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\nconfigMapGenerator: []\n");
        assertThatThrownBy(() -> Kustomize.render(dir)).isInstanceOf(Kustomize.UnsupportedKustomization.class)
                .hasMessageContaining("configMapGenerator");
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\npatches: [{patch: 'x'}]\n");
        assertThatThrownBy(() -> Kustomize.render(dir)).isInstanceOf(Kustomize.UnsupportedKustomization.class);
    }

    @Test
    void aPatchThatMatchesNothingFails() throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [a.yaml]\npatches: [{path: p.yaml}]\n");
        Files.writeString(dir.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        Files.writeString(dir.resolve("p.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {x: y}\n");
        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("matches nothing");
    }

    @ParameterizedTest
    @MethodSource("io.bantam.deploy.Rendered#all")
    void everyOverlayRenders(Rendered rendered) {
        assertThat(rendered.resources()).isNotEmpty();
        assertThat(rendered.resources()).allSatisfy(resource -> {
            assertThat(Yamls.string(resource, "apiVersion")).isNotBlank();
            assertThat(Yamls.string(resource, "kind")).isNotBlank();
            assertThat(Yamls.string(resource, "metadata", "name")).isNotBlank();
            if (!Yamls.string(resource, "kind").equals("Namespace")) {
                assertThat(Yamls.string(resource, "metadata", "namespace")).isEqualTo(rendered.namespace());
            }
            assertThat(Yamls.strings(resource, "metadata", "labels")).containsEntry("app.kubernetes.io/part-of", "bantam");
        });
        assertThat(rendered.resources().stream().map(KustomizeTest::id).distinct().count())
                .as("no resource twice").isEqualTo(rendered.resources().size());
    }

    /** Where kubectl is installed (it is on the build machines), the real Kustomize must render the same. */
    @ParameterizedTest
    @MethodSource("io.bantam.deploy.Rendered#all")
    void rendersAsKubectlKustomizeDoes(Rendered rendered) throws Exception {
        String kubectl = onPath("kubectl");
        assumeTrue(kubectl != null, "kubectl is not installed here: the renderer's own checks stand alone");
        Process process = new ProcessBuilder(kubectl, "kustomize", Rendered.overlayPath(rendered.overlay()).toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize exit").isZero();
        assertThat(byId(Yamls.loadAll(output, "kubectl kustomize"))).isEqualTo(byId(rendered.resources()));
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> resources) {
        Map<String, Map<String, Object>> byId = new TreeMap<>();
        resources.forEach(resource -> byId.put(id(resource), resource));
        return byId;
    }

    private static String id(Map<String, Object> resource) {
        return Yamls.string(resource, "apiVersion") + " " + Yamls.string(resource, "kind") + " "
                + Yamls.string(resource, "metadata", "namespace") + "/" + Yamls.string(resource, "metadata", "name");
    }

    static String onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
