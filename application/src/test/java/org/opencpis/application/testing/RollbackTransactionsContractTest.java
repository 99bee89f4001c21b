package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link TransactionsContractTest} plus all-or-nothing: when the work throws, nothing it wrote is
 * kept, however many writes came before the failure; a transaction inside another joins it. The
 * in-memory {@link DirectTransactions} has nothing to roll back and does not run this part.
 */
public abstract class RollbackTransactionsContractTest extends TransactionsContractTest {

    @Test
    void aFailureRollsBackEveryEarlierWrite() {
        String first = newValue();
        String second = first + "B";

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            write(first);
            write(second);
            throw new IllegalStateException("the third step fails");
        }));

        assertFalse(stored().contains(first), () -> "stored " + stored());
        assertFalse(stored().contains(second), () -> "stored " + stored());
    }

    @Test
    void anInnerTransactionJoinsTheOuterOne() {
        String inner = newValue();

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            transactions().run(() -> write(inner));
            throw new IllegalStateException("the outer work fails after the inner one finished");
        }));

        assertFalse(stored().contains(inner), () -> "stored " + stored());
    }

    @Test
    void aTransactionAfterARollbackCommits() {
        String lost = newValue();
        String kept = lost + "K";
        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            write(lost);
            throw new IllegalStateException("fails");
        }));

        transactions().run(() -> write(kept));

        assertTrue(stored().contains(kept));
        assertFalse(stored().contains(lost));
    }
}
