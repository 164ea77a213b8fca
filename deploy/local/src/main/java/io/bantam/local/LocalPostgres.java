package io.bantam.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PostgreSQL from zonky's embedded binaries, with its data in a folder that outlives the process:
 * initialised on the first run, reused on every later one.
 */
final class LocalPostgres implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    /** The server's own page cache: enough for a local system's working set (docs/local.md). */
    static final String SHARED_BUFFERS = "32MB";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts the server on {@code port} with its data in {@code dataDir}, output appended to {@code logFile}. */
    static LocalPostgres start(Path dataDir, int port, Path logFile) throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(logFile.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                // PostgreSQL's default is 128 MB, and every page of it the load touches stays resident (and in each
                // backend's PSS share) for as long as the server runs; a laptop's data is read from the kernel's page
                // cache instead, which gives the memory back under pressure. After the benchmark's mixed load the
                // server took 123 instead of 153 MB PSS (docs/local.md, session 22).
                .setServerConfig("shared_buffers", SHARED_BUFFERS)
                .setPGStartupWait(Duration.ofSeconds(60))
                // the launcher stops PostgreSQL itself, after the services and Kafka
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        return new LocalPostgres(postgres, dataDir);
    }

    int port() {
        return postgres.getPort();
    }

    /** The postmaster's process id, from {@code postmaster.pid}. */
    Optional<Long> pid() {
        return postmasterPid(dataDir);
    }

    /** The process id in a data folder's {@code postmaster.pid}, if there is one. */
    static Optional<Long> postmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Makes sure the role {@code name} (password {@code name}) and the database {@code name} owned
     * by it exist; creates what is missing, keeps what is there.
     */
    void ensureDatabase(String name) throws SQLException {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                statement.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
            }
            if (exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                statement.execute("ALTER DATABASE " + name + " OWNER TO " + name);
            } else {
                statement.execute("CREATE DATABASE " + name + " OWNER " + name);
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /** Fast shutdown ({@code pg_ctl stop -m fast}): open sessions are ended, data is kept. */
    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
