package io.bantam.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates one database and one role owning it, the way a service gets its database in deployments. */
final class Databases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final int MAX_HINT_LENGTH = 40;

    private Databases() {
    }

    static PostgresDatabase create(Backend.PostgresServer server, String hint) {
        String name = uniqueName(hint);
        String url = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, server.adminUser(), server.adminPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
            statement.execute("CREATE DATABASE " + name + " OWNER " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on " + url, e);
        }
        return new PostgresDatabase(server.host(), server.port(), name, name, name);
    }

    /** A lower-case identifier that needs no quoting: {@code <hint>_<n>_<random>}, at most 63 characters. */
    static String uniqueName(String hint) {
        String cleaned = (hint == null ? "" : hint)
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]+", "_")
                .replaceAll("^[^a-z]+", "");
        if (cleaned.isEmpty()) {
            cleaned = "test";
        }
        if (cleaned.length() > MAX_HINT_LENGTH) {
            cleaned = cleaned.substring(0, MAX_HINT_LENGTH);
        }
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
        return cleaned + "_" + COUNTER.incrementAndGet() + "_" + suffix;
    }
}
