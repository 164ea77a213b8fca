package io.bantam.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One PostgreSQL database handed to a test: where it is and how to log in.
 *
 * @param host     host name of the server
 * @param port     port of the server
 * @param database name of the database, unique for the test class that asked for it
 * @param username a role that owns the database
 * @param password that role's password
 */
public record PostgresDatabase(String host, int port, String database, String username, String password) {

    /** The JDBC URL, e.g. for Flyway: {@code jdbc:postgresql://host:port/database}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The R2DBC URL: {@code r2dbc:postgresql://host:port/database}. */
    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The Spring Boot properties that point R2DBC and Flyway at this database. */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", r2dbcUrl());
        properties.put("spring.r2dbc.username", username);
        properties.put("spring.r2dbc.password", password);
        properties.put("spring.flyway.url", jdbcUrl());
        properties.put("spring.flyway.user", username);
        properties.put("spring.flyway.password", password);
        return properties;
    }

    /**
     * {@link #springProperties()} as command-line arguments, followed by {@code more}: for an application a test
     * starts itself ({@code new SpringApplicationBuilder(App.class).run(database.springArguments("--server.port=0"))}).
     */
    public String[] springArguments(String... more) {
        List<String> arguments = new ArrayList<>();
        springProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }
}
