package org.opencpis.adapters.persistence.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.opencpis.application.testing.TestData.ISLINGTON;
import static org.opencpis.application.testing.TestData.key;
import static org.opencpis.application.testing.TestData.record;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.persistence.audit.JdbcAuditTrail;
import org.opencpis.adapters.persistence.plan.JdbcProtectionRecords;
import org.opencpis.adapters.persistence.testing.DatabaseCleaner;
import org.opencpis.adapters.persistence.testing.PostgresIT;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.ChainedAuditEntry;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;

/** A use case's writes commit together or not at all, however its port calls are nested. */
@MicronautTest(transactional = false)
class TransactionBoundaryIT implements PostgresIT {
    @Inject
    MicronautTransactions transactions;
    @Inject
    JdbcProtectionRecords records;
    @Inject
    JdbcAuditTrail audit;
    @Inject
    DatabaseCleaner cleaner;

    private final ProtectionRecord record = record(key(ISLINGTON, 1, PlanType.CPP));
    private final AuditEntry entry = new AuditEntry(Instant.parse("2025-03-10T10:00:00Z"),
            TestData.laContext(ISLINGTON).actor(), "PLAN_RECORD:CPP", record.key().nhsNumber(), "req-1", "CREATED");

    @BeforeEach
    void emptyDatabase() {
        cleaner.emptyAllTables();
    }

    @Test
    void whenTheWorkThrowsNeitherTheRecordNorItsAuditEntryRemains() {
        IllegalStateException failure = new IllegalStateException("fails after both writes");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> transactions.run(() -> {
            records.insertIfAbsent(record);
            audit.append(entry);
            throw failure;
        }));

        assertSame(failure, thrown);
        assertNothingStored();
    }

    @Test
    void nestedCallsJoinTheOuterTransaction() {
        assertThrows(IllegalStateException.class, () -> transactions.run(() -> {
            transactions.run(() -> records.insertIfAbsent(record));
            transactions.run(() -> audit.append(entry));
            throw new IllegalStateException("the outer work fails after the inner calls returned");
        }));

        assertNothingStored();
    }

    @Test
    void whenTheWorkReturnsBothCommit() {
        transactions.run(() -> {
            records.insertIfAbsent(record);
            audit.append(entry);
        });

        assertEquals(Optional.of(record), transactions.inTransaction(() -> records.findCurrentForUpdate(record.key())));
        assertEquals(1, auditEntries().size());
    }

    private void assertNothingStored() {
        assertEquals(Optional.empty(), transactions.inTransaction(() -> records.findCurrentForUpdate(record.key())));
        assertEquals(List.of(), auditEntries());
        transactions.run(() -> audit.append(entry));
        assertEquals(List.of(1L), auditEntries().stream().map(ChainedAuditEntry::sequence).toList(),
                "a rolled-back append leaves no gap in the sequence");
    }

    /** Every committed entry, chained first. */
    private List<ChainedAuditEntry> auditEntries() {
        transactions.inTransaction(() -> audit.chainRecorded(100));
        List<ChainedAuditEntry> entries = new ArrayList<>();
        transactions.run(() -> audit.forEachInSequence(entries::add));
        return entries;
    }
}
