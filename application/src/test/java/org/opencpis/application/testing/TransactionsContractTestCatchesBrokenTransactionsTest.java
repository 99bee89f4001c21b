package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opencpis.application.shared.StoreUnavailable;
import org.opencpis.application.shared.port.out.Transactions;

/** The Transactions kit passes the direct fake and fails transactions that retry the work or rewrap its exception. */
class TransactionsContractTestCatchesBrokenTransactionsTest {

    @Test
    void theKitPassesTheDirectFake() {
        assertEquals(List.of(), KitRun.of(DirectTransactionsTest.class).failed());
    }

    @Test
    void runningTheWorkTwiceIsCaught() {
        assertEquals(List.of("theWorkRunsOnceAndItsResultIsReturned"), KitRun.of(RetryingRun.class).failed());
    }

    @Test
    void rewrappingTheWorksExceptionIsCaught() {
        assertEquals(List.of("theWorksOwnExceptionReachesTheCallerUnchanged"), KitRun.of(RewrappingRun.class).failed());
    }

    abstract static class BrokenRun extends TransactionsContractTest {
        private final List<String> values = new ArrayList<>();

        @Override
        protected void write(String value) {
            values.add(value);
        }

        @Override
        protected List<String> stored() {
            return List.copyOf(values);
        }
    }

    /** Broken: runs the work a second time "to be sure". */
    static class RetryingRun extends BrokenRun {
        @Override
        protected Transactions transactions() {
            return new Transactions() {
                @Override
                public <T> T inTransaction(Supplier<T> work) {
                    work.get();
                    return work.get();
                }
            };
        }
    }

    /** Broken: turns every failure into StoreUnavailable, so a rule's refusal looks like an outage. */
    static class RewrappingRun extends BrokenRun {
        @Override
        protected Transactions transactions() {
            return new Transactions() {
                @Override
                public <T> T inTransaction(Supplier<T> work) {
                    try {
                        return work.get();
                    } catch (RuntimeException e) {
                        throw new StoreUnavailable("failed", e);
                    }
                }
            };
        }
    }
}
