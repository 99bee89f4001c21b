package org.opencpis.adapters.persistence.shared;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import org.opencpis.application.shared.StoreUnavailable;
import org.opencpis.application.shared.port.out.Transactions;

/**
 * A read-write database transaction around the work; a call made inside another transaction joins
 * it, so only the outermost call commits. Any exception rolls the whole transaction back and reaches
 * the caller unchanged, except a lost or unobtainable connection, which becomes {@link StoreUnavailable}.
 */
@Singleton
public final class MicronautTransactions implements Transactions {
    private final TransactionOperations<Connection> operations;

    public MicronautTransactions(TransactionOperations<Connection> operations) {
        this.operations = operations;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return operations.executeWrite(status -> work.get());
        } catch (RuntimeException e) {
            if (isConnectionFailure(e)) {
                throw new StoreUnavailable("the database cannot be reached", e);
            }
            throw e;
        }
    }

    /**
     * A connection that could not be had or was lost: SQL state class 08, an admin shutdown
     * (57P0x), a pool timeout, or Micronaut's own connection failure (raised when it cleans up a
     * connection that died mid-transaction).
     */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreUnavailable) {
                return false;
            }
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException || cause instanceof ConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
