package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.audit.AuditEntry;

/** The AuditTrail kit passes the fake and fails trails that chain past their limit or show unchained entries. */
class AuditTrailContractTestCatchesBrokenTrailsTest {

    @Test
    void theKitPassesTheFake() {
        assertEquals(List.of(), KitRun.of(InMemoryAuditTrailTest.class).failed());
    }

    @Test
    void chainingPastTheLimitIsCaught() {
        assertEquals(List.of("chainingTakesTheOldestRecordedFirstAndNoMoreThanItsLimit"),
                KitRun.of(UnlimitedChainingRun.class).failed());
    }

    @Test
    void chainingOnAppendIsCaught() {
        assertEquals(Set.of("recordedEntriesAreInvisibleUntilChained", "chainingTakesTheOldestRecordedFirstAndNoMoreThanItsLimit"),
                Set.copyOf(KitRun.of(ChainingOnAppendRun.class).failed()));
    }

    static class UnlimitedChainingRun extends AuditTrailContractTest {
        @Override
        protected AuditTrail createTrail() {
            return new DelegatingAuditTrail(new InMemoryAuditTrail()) {
                @Override
                public int chainRecorded(int limit) {
                    return super.chainRecorded(Integer.MAX_VALUE); // broken: ignores the limit
                }
            };
        }

        @Override
        protected Transactions transactions() {
            return new DirectTransactions();
        }
    }

    static class ChainingOnAppendRun extends AuditTrailContractTest {
        @Override
        protected AuditTrail createTrail() {
            return new DelegatingAuditTrail(new InMemoryAuditTrail()) {
                private int chainedEarly;

                @Override
                public void append(AuditEntry entry) {
                    super.append(entry);
                    chainedEarly += super.chainRecorded(1); // broken: chains (and shows) at once, then reports it later
                }

                @Override
                public int chainRecorded(int limit) {
                    int reported = Math.min(limit, chainedEarly);
                    chainedEarly -= reported;
                    return reported;
                }
            };
        }

        @Override
        protected Transactions transactions() {
            return new DirectTransactions();
        }
    }
}
