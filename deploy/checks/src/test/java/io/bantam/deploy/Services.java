package io.bantam.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The services and what each reads from its environment, derived from the sources, never listed by hand: every
 * {@code ${NAME}} or {@code ${NAME:default}} placeholder (an upper-case name: an environment variable) in the
 * module's application.yml and in service-defaults' shared properties.
 */
final class Services {

    /** The modules that are deployed, each as one container image and one Deployment. */
    static final List<String> MODULES = List.of("identity-service", "relationship-service", "booking-service",
            "task-service", "notes-service", "gateway");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private Services() {
    }

    /** A service: its module, port and database (null for none), and variable name -> default (null: none). */
    record Service(String name, int port, String database, Map<String, String> variables) {

        boolean reads(String variable) {
            return variables.containsKey(variable);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Service> all() {
        return MODULES.stream().map(Services::service);
    }

    static Service service(String module) {
        Map<String, String> variables = new TreeMap<>();
        variables.putAll(placeholders(Yamls.read(applicationYml(module))));
        variables.putAll(sharedPlaceholders());
        String port = variables.get("SERVER_PORT");
        if (port == null) {
            throw new AssertionError(module + " reads no SERVER_PORT");
        }
        return new Service(module, Integer.parseInt(port), variables.get("DB_NAME"), variables);
    }

    static Path applicationYml(String module) {
        return Yamls.root().resolve(module).resolve("src/main/resources/application.yml");
    }

    /** Upper-case placeholders and their defaults (null when there is none). */
    static Map<String, String> placeholders(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.put(matcher.group(1), matcher.group(2));
        }
        return found;
    }

    /** Placeholders in service-defaults' resources apply to every service. */
    private static Map<String, String> sharedPlaceholders() {
        Path resources = Yamls.root().resolve("platform/service-defaults/src/main/resources");
        Map<String, String> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(resources)) {
            files.filter(file -> file.toString().endsWith(".properties") || file.toString().endsWith(".yml")
                            || file.toString().endsWith(".yaml"))
                    .forEach(file -> found.putAll(placeholders(Yamls.read(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** service-defaults' shared properties (graceful shutdown timeout and the like). */
    static Properties serviceDefaults() {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(
                Yamls.root().resolve("platform/service-defaults/src/main/resources/bantam/service-defaults.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Seconds of a Spring duration such as 20s, 1m or 500ms (rounded up). */
    static long seconds(String duration) {
        Matcher matcher = Pattern.compile("(\\d+)(ms|s|m)?").matcher(duration.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("unreadable duration " + duration);
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        return switch (unit) {
            case "ms" -> (amount + 999) / 1000;
            case "s" -> amount;
            default -> amount * 60;
        };
    }
}
