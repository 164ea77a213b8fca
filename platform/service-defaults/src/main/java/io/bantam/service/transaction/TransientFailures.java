package io.bantam.service.transaction;

import java.sql.SQLException;
import java.util.Set;
import org.springframework.util.ClassUtils;

/**
 * Which database failures are worth trying the whole transaction again: PostgreSQL aborted it to break a deadlock
 * (SQLSTATE {@code 40P01}) or to keep transactions serializable ({@code 40001}). Either way nothing of it was
 * committed, and the same work, tried again, usually succeeds (or meets the winner's committed row and is refused
 * as it should be).
 */
public final class TransientFailures {

    /** {@code deadlock_detected}, {@code serialization_failure}. */
    public static final Set<String> SQL_STATES = Set.of("40P01", "40001");

    private static final boolean R2DBC = ClassUtils.isPresent("io.r2dbc.spi.R2dbcException",
            TransientFailures.class.getClassLoader());

    private TransientFailures() {
    }

    /** Whether {@code failure}, or any of its causes, is a deadlock or serialization failure. */
    public static boolean isTransient(Throwable failure) {
        return sqlState(failure) != null;
    }

    /** The SQLSTATE of the first transient failure among {@code failure} and its causes, or null. */
    public static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = R2DBC ? R2dbc.sqlState(t) : null;
            if (state == null && t instanceof SQLException sql) {
                state = sql.getSQLState();
            }
            if (state != null && SQL_STATES.contains(state)) {
                return state;
            }
        }
        return null;
    }

    /** Kept apart so that a module without R2DBC (the gateway) never loads its classes. */
    private static final class R2dbc {
        static String sqlState(Throwable t) {
            return t instanceof io.r2dbc.spi.R2dbcException r2dbc ? r2dbc.getSqlState() : null;
        }
    }
}
