package io.bantam.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of {@code deploy/local/services.conf}: a process that {@code ./bantam up} starts.
 *
 * @param name     short name, e.g. {@code identity}
 * @param port     default HTTP port, before any offset or override
 * @param module   Maven module folder holding the runnable jar under {@code target/}
 * @param database its own database (and role of the same name), if it has one
 */
public record ServiceDefinition(String name, int port, String module, Optional<String> database) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern DATABASE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9._/-]+");

    public ServiceDefinition {
        require(NAME.matcher(name).matches(), "name '" + name + "' must be lower-case letters, digits and dashes");
        require(port > 0 && port < 65536, "port " + port + " of " + name + " is not a TCP port");
        require(MODULE.matcher(module).matches() && !module.contains(".."), "module '" + module + "' of " + name);
        database.ifPresent(db -> require(DATABASE.matcher(db).matches(),
                "database '" + db + "' of " + name + " must be lower-case letters, digits and underscores"));
    }

    /** The environment variable other processes find this one by: {@code IDENTITY_URL}. */
    public String urlVariable() {
        return envName() + "_URL";
    }

    /** The environment variable moving this process to another port: {@code BANTAM_IDENTITY_PORT}. */
    public String portVariable() {
        return "BANTAM_" + envName() + "_PORT";
    }

    private String envName() {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Reads the catalog: one definition a line, {@code name port module database|-}, {@code #} comments. */
    public static List<ServiceDefinition> readCatalog(Path file) throws IOException {
        List<ServiceDefinition> services = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] fields = content.split("\\s+");
            if (fields.length != 4) {
                throw new IllegalArgumentException(file + ":" + lineNumber
                        + ": expected 'name port module database|-', got '" + content + "'");
            }
            ServiceDefinition service;
            try {
                service = new ServiceDefinition(fields[0], Integer.parseInt(fields[1]), fields[2],
                        "-".equals(fields[3]) ? Optional.empty() : Optional.of(fields[3]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": " + e.getMessage(), e);
            }
            if (!names.add(service.name())) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": " + service.name() + " twice");
            }
            services.add(service);
        }
        if (services.isEmpty()) {
            throw new IllegalArgumentException(file + " names no service");
        }
        return List.copyOf(services);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
