package org.opencpis.application.audit.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencpis.application.testing.DelegatingAuditTrail;
import org.opencpis.application.testing.DirectTransactions;
import org.opencpis.application.testing.InMemoryAuditTrail;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.ChainedAuditEntry;

class AuditChainingTest {
    private final List<Integer> batches = new ArrayList<>();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final AuditChaining chaining = new AuditChaining(new DelegatingAuditTrail(trail) {
        @Override
        public int chainRecorded(int limit) {
            int chained = super.chainRecorded(limit);
            batches.add(chained);
            return chained;
        }
    }, new DirectTransactions());

    @Test
    void aBacklogIsChainedInBatchesUntilNothingIsLeft() {
        int backlog = 2 * AuditChaining.BATCH + 500;
        for (int i = 0; i < backlog; i++) {
            trail.append(entry(i));
        }

        assertEquals(backlog, chaining.chainRecorded());
        assertEquals(List.of(AuditChaining.BATCH, AuditChaining.BATCH, 500), batches);
        List<ChainedAuditEntry> chained = trail.entries();
        assertEquals(backlog, chained.size());
        assertEquals(entry(backlog - 1), chained.get(backlog - 1).entry(), "in the order recorded");
    }

    @Test
    void nothingRecordedChainsNothing() {
        assertEquals(0, chaining.chainRecorded());
        assertEquals(List.of(0), batches);
    }

    private static AuditEntry entry(int i) {
        return new AuditEntry(Instant.parse("2025-03-10T10:00:00Z").plusSeconds(i), TestData.auditorContext().actor(),
                "PLAN_READ:CPP", TestData.nhsNumber(i % 50), "req-" + i, "FOUND");
    }
}
