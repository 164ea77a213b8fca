package io.bantam.service.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A refusal particular to an endpoint (or to every endpoint of a controller), for its OpenAPI document: the
 * status, the problem's {@code code} and when it happens. The answers every endpoint can give (400, 401, 404,
 * 413, 429, 503) need no declaration ({@link ApiConventions}). Unlike springdoc's {@code @ApiResponse}, this
 * keeps the success answer springdoc infers from the method.
 *
 * <pre>{@code
 * @Refuses(status = 409, code = "booking.conflict", when = "either party has an overlapping booking")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(Refuses.List.class)
public @interface Refuses {

    int status();

    String code();

    /** When it happens, completing "Refused when ...". */
    String when();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface List {
        Refuses[] value();
    }
}
