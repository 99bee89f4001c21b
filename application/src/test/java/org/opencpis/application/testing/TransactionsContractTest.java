package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opencpis.application.shared.port.out.Transactions;

/**
 * What every {@link Transactions} must do for the services: run the work exactly once, hand back
 * its result, make what it wrote visible afterwards, and let the work's own exception reach the
 * caller unchanged (the services decide on it: {@code PlanRejected}, {@code DomainViolation}, …).
 * Implementations that really roll back run {@link RollbackTransactionsContractTest} as well.
 *
 * <p>Hooks: a write that joins the current transaction, and a read of what is stored.
 */
public abstract class TransactionsContractTest {

    protected abstract Transactions transactions();

    /** Stores {@code value} through an out-port, joining the transaction the caller is in. */
    protected abstract void write(String value);

    /** What is stored, as the next transaction sees it, in any order. */
    protected abstract List<String> stored();

    private static final AtomicInteger VALUES = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    /** A value no test of this JVM has written before: "V" and up to 7 digits. */
    protected static String newValue() {
        return "V" + VALUES.incrementAndGet() % 10_000_000;
    }

    @Test
    void theWorkRunsOnceAndItsResultIsReturned() {
        AtomicInteger runs = new AtomicInteger();

        String result = transactions().inTransaction(() -> {
            runs.incrementAndGet();
            return "answer";
        });

        assertEquals("answer", result);
        assertEquals(1, runs.get());
    }

    @Test
    void committedWritesAreVisibleAfterwards() {
        String first = newValue();
        String second = first + "B";

        transactions().run(() -> {
            write(first);
            write(second);
        });

        assertTrue(stored().containsAll(List.of(first, second)), () -> "stored " + stored());
    }

    @Test
    void theWorksOwnExceptionReachesTheCallerUnchanged() {
        IllegalStateException failure = new IllegalStateException("refused by the rules");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            throw failure;
        }));

        assertSame(failure, thrown);
    }
}
