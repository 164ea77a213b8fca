package io.bantam.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test class a fresh PostgreSQL database of its own.
 *
 * <p>The server starts once per JVM; each annotated test class gets a new database in it and its
 * own application context, with {@code spring.r2dbc.url/username/password} and
 * {@code spring.flyway.url/user/password} pointing at that database.
 *
 * @see TestInfrastructure#newDatabase()
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithPostgres {
}
