package org.opencpis.application.testing;

import java.util.function.Supplier;
import org.opencpis.application.shared.port.out.Transactions;

/** Runs the work directly: the in-memory fakes have nothing to commit or roll back. */
public final class DirectTransactions implements Transactions {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
