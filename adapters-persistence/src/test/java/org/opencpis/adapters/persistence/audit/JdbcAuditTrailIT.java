package org.opencpis.adapters.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.persistence.shared.MicronautTransactions;
import org.opencpis.adapters.persistence.testing.DatabaseCleaner;
import org.opencpis.adapters.persistence.testing.PostgresIT;
import org.opencpis.application.audit.port.in.VerifyAuditTrailUseCase.Verification;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.audit.service.AuditService;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.testing.AuditTrailContractTest;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.audit.AuditChain;
import org.opencpis.domain.audit.ChainedAuditEntry;

@MicronautTest(transactional = false)
class JdbcAuditTrailIT extends AuditTrailContractTest implements PostgresIT {
    @Inject
    JdbcAuditTrail trail;
    @Inject
    MicronautTransactions transactions;
    @Inject
    DatabaseCleaner cleaner;

    @Override
    protected AuditTrail createTrail() {
        cleaner.emptyAllTables();
        return trail;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Test
    void concurrentAppendsFormOneGapFreeChain() throws Exception {
        int writers = 4;
        int transactionsEach = 20;
        int entriesPerTransaction = 2;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int offset = writer * 1000;
                done.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    for (int i = 0; i < transactionsEach; i++) {
                        int n = offset + i;
                        transactions.run(() -> {
                            for (int e = 0; e < entriesPerTransaction; e++) {
                                trail.append(entry(T0.plusMillis(n), TestData.nhsNumber(n)));
                            }
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        List<ChainedAuditEntry> chain = new ArrayList<>();
        transactions.run(() -> trail.forEachInSequence(chain::add));
        int expected = writers * transactionsEach * entriesPerTransaction;
        assertEquals(expected, chain.size());
        String previousHash = AuditChain.GENESIS;
        for (int i = 0; i < expected; i++) {
            ChainedAuditEntry entry = chain.get(i);
            assertEquals(i + 1L, entry.sequence());
            assertEquals(previousHash, entry.previousHash());
            assertTrue(entry.isIntact(), () -> "entry " + entry.sequence() + " is intact");
            previousHash = entry.hash();
        }
        assertEquals(new Verification(true, expected),
                new AuditService(trail, transactions, Clock.systemUTC()).verify(TestData.auditorContext()));
    }
}
