package io.bantam.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;

/**
 * Spring AOT for the services {@code ./bantam up} starts. Each service's build runs {@code process-aot}
 * (spring-boot-maven-plugin): the bean definitions that Spring would otherwise work out at every start (configuration
 * classes parsed, auto-configuration conditions evaluated, proxies generated) are written as code into the jar, and
 * {@code -Dspring.aot.enabled=true} makes the service use them. Measured in docs/local.md: about a fifth less CPU
 * until a service has started.
 *
 * <p>The price is that the build decided which beans exist: an {@code @Conditional} evaluated at build time with the
 * service's own {@code application.yml}. Values still come from the environment at every start (ports, addresses,
 * databases, limits); a setting that switches a bean on or off does not. So the launcher uses the build's definitions
 * only when nothing in the run could have switched one: {@link #refusal} names what would have, and then the service
 * starts the ordinary way (still correct, only slower), with a line saying why.
 */
final class SpringAot {

    /** What the launcher adds to a service's JVM options when the service uses the build's bean definitions. */
    static final String ENABLED = "-Dspring.aot.enabled=true";

    /**
     * Spring and Actuator settings the launcher itself gives every service: values, not switches (a port, an address,
     * a pool size).
     */
    private static final Set<String> LAUNCHER_VALUES = Set.of(
            "SPRING_R2DBC_POOL_MAXSIZE", "MANAGEMENT_PORT", "MANAGEMENT_SERVER_ADDRESS");

    /** Environment variables whose names start with these may change which beans exist (relaxed binding). */
    private static final List<String> SWITCH_PREFIXES = List.of("SPRING_", "MANAGEMENT_");

    /** System properties in the JVM options that may do the same. */
    private static final List<String> SWITCH_PROPERTIES = List.of("-Dspring.", "-Dmanagement.");

    private SpringAot() {
    }

    /**
     * Why a service started with this environment and these JVM options must not use the build's bean definitions,
     * or empty when it may: a Spring or Actuator setting other than the launcher's own, or any Bantam setting that
     * turns something on or off ({@code BANTAM_..._ENABLED}, e.g. the gateway's rate limits).
     */
    static Optional<String> refusal(Map<String, String> environment, List<String> jvmOptions) {
        Set<String> switches = new TreeSet<>();
        environment.keySet().stream()
                .filter(name -> SWITCH_PREFIXES.stream().anyMatch(name::startsWith) && !LAUNCHER_VALUES.contains(name)
                        || name.startsWith("BANTAM_") && name.endsWith("_ENABLED"))
                .forEach(switches::add);
        jvmOptions.stream()
                .filter(option -> SWITCH_PROPERTIES.stream().anyMatch(option::startsWith)
                        || option.startsWith("-Dbantam.") && option.contains(".enabled="))
                .map(option -> option.contains("=") ? option.substring(0, option.indexOf('=')) : option)
                .forEach(switches::add);
        if (switches.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", switches)
                + (switches.size() == 1 ? " is" : " are") + " set, and may switch beans the build fixed");
    }

    /**
     * Whether the runnable jar holds the bean definitions of a {@code process-aot} build (its application's
     * {@code __ApplicationContextInitializer}); a jar built without them starts the ordinary way.
     */
    static boolean processed(Path execJar) {
        try (ZipFile jar = new ZipFile(execJar.toFile())) {
            return jar.stream().anyMatch(entry -> entry.getName().endsWith("__ApplicationContextInitializer.class"));
        } catch (IOException e) {
            return false;
        }
    }
}
