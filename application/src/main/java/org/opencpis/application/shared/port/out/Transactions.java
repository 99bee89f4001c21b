package org.opencpis.application.shared.port.out;

import java.util.function.Supplier;

/**
 * The transaction boundary of a use case. Everything the work does through the out-ports
 * commits together or, if it throws, not at all. Never call a remote service inside it. When the
 * database cannot be reached, the call fails with {@link org.opencpis.application.shared.StoreUnavailable}.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
