package io.bantam.testing;

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
}
