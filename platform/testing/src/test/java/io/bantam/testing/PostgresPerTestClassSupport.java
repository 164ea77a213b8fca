package io.bantam.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** What every {@link WithPostgres} test class gets; run by two subclasses so they can be compared. */
@SpringJUnitConfig(PostgresPerTestClassSupport.EmptyConfiguration.class)
@WithPostgres
abstract class PostgresPerTestClassSupport {

    /** Database name to the test class that got it, across all classes run in this JVM. */
    private static final Map<String, Class<?>> DATABASES = new ConcurrentHashMap<>();

    @Autowired
    Environment environment;

    @Test
    void getsADatabaseNoOtherTestClassGot() {
        String jdbcUrl = environment.getRequiredProperty("spring.flyway.url");
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);

        Class<?> owner = DATABASES.putIfAbsent(database, getClass());

        assertThat(owner).as("database %s was already given to %s", database, owner).isIn(null, getClass());
        assertThat(environment.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:postgresql://localhost:"
                + jdbcUrl.substring("jdbc:postgresql://localhost:".length()));
        assertThat(environment.getProperty("spring.r2dbc.username")).isEqualTo(environment.getProperty("spring.flyway.user"));
    }

    @Test
    void ownerOfTheDatabaseCanUseBtreeGistExclusionConstraints() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
            statement.execute("""
                    CREATE TABLE booking (
                        participant uuid NOT NULL,
                        during tstzrange NOT NULL,
                        EXCLUDE USING gist (participant WITH =, during WITH &&)
                    )""");
            statement.execute("""
                    INSERT INTO booking VALUES
                      ('00000000-0000-0000-0000-000000000001', '[2026-12-01 09:00Z, 2026-12-01 10:00Z)')""");

            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> statement.execute("""
                            INSERT INTO booking VALUES
                              ('00000000-0000-0000-0000-000000000001', '[2026-12-01 09:30Z, 2026-12-01 10:30Z)')"""))
                    .extracting(SQLException::getSQLState)
                    .isEqualTo("23P01");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("spring.flyway.url"),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password"));
    }

    @Configuration(proxyBeanMethods = false)
    static class EmptyConfiguration {
    }
}
