package org.opencpis.application.audit.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.testing.DirectTransactions;
import org.opencpis.application.testing.InMemoryAuditTrail;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.AuditSearch;
import org.opencpis.domain.audit.ChainedAuditEntry;

class AuditChainingTest {
    private final List<Integer> batches = new ArrayList<>();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final AuditChaining chaining = new AuditChaining(new CountingTrail(trail, batches),
            new DirectTransactions());

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

    /** The in-memory trail, noting the size of each chained batch. */
    private record CountingTrail(InMemoryAuditTrail trail, List<Integer> batches)
            implements AuditTrail {
        @Override
        public void append(AuditEntry entry) {
            trail.append(entry);
        }

        @Override
        public int chainRecorded(int limit) {
            int chained = trail.chainRecorded(limit);
            batches.add(chained);
            return chained;
        }

        @Override
        public Page<ChainedAuditEntry> search(AuditSearch search, PageRequest page) {
            return trail.search(search, page);
        }

        @Override
        public void forEachInSequence(Consumer<ChainedAuditEntry> visitor) {
            trail.forEachInSequence(visitor);
        }

        @Override
        public Head head() {
            return trail.head();
        }
    }
}
