package org.opencpis.adapters.persistence.shared;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;
import org.opencpis.application.shared.port.out.Transactions;

/**
 * A read-write database transaction around the work; a call made inside another transaction joins
 * it, so only the outermost call commits. Any exception rolls the whole transaction back and reaches
 * the caller unchanged.
 */
@Singleton
public final class MicronautTransactions implements Transactions {
    private final TransactionOperations<Connection> operations;

    public MicronautTransactions(TransactionOperations<Connection> operations) {
        this.operations = operations;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return operations.executeWrite(status -> work.get());
    }
}
