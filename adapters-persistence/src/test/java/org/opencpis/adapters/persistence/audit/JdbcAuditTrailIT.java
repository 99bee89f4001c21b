package org.opencpis.adapters.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
import org.opencpis.application.audit.service.AuditChaining;
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
    @Inject
    JdbcOperations jdbc;

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

        assertEquals((long) writers * transactionsEach * entriesPerTransaction, chaining().chainRecorded());
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
                new AuditService(trail, chaining(), transactions, Clock.systemUTC()).verify(TestData.auditorContext()));
    }

    @Test
    void appendsDoNotWaitForEachOtherAndAnOpenOneIsChainedOnceCommitted() throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> open = threads.submit(() -> transactions.run(() -> {
                trail.append(entry(T0, TestData.nhsNumber(1)));
                appended.countDown();
                await(release);
            }));
            assertTrue(appended.await(10, TimeUnit.SECONDS));

            // while the first transaction holds its uncommitted entry, a second appends, commits and is chained
            Future<?> second = threads.submit(() ->
                    transactions.run(() -> trail.append(entry(T0.plusSeconds(1), TestData.nhsNumber(2)))));
            second.get(5, TimeUnit.SECONDS);
            assertEquals(1, chaining().chainRecorded(), "only the committed entry");

            release.countDown();
            open.get(10, TimeUnit.SECONDS);
            assertEquals(1, chaining().chainRecorded(), "the first entry, chained after the second");
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        List<ChainedAuditEntry> chain = new ArrayList<>();
        transactions.run(() -> trail.forEachInSequence(chain::add));
        assertEquals(List.of(TestData.nhsNumber(2), TestData.nhsNumber(1)),
                chain.stream().map(entry -> entry.entry().nhsNumber()).toList());
    }

    @Test
    void theDatabaseRefusesAnyChangeButChainingAnUnchainedEntry() {
        transactions.run(() -> trail.append(entry(T0, TestData.nhsNumber(1))));
        assertRefused("UPDATE audit_entry SET outcome = 'NOT_FOUND'", "an unchained entry's field");
        assertRefused("UPDATE audit_entry SET sequence = 1, previous_hash = repeat('0', 64),"
                + " hash = repeat('1', 64), outcome = 'NOT_FOUND'", "a field changed while chaining");
        assertRefused("UPDATE audit_entry SET sequence = 1, hash = repeat('1', 64)", "half a chain link");
        assertRefused("DELETE FROM audit_entry", "an unchained entry removed");

        assertEquals(1, chaining().chainRecorded());
        assertRefused("UPDATE audit_entry SET hash = repeat('2', 64)", "a chained hash");
        assertRefused("UPDATE audit_entry SET outcome = 'NOT_FOUND'", "a chained entry's field");
        assertRefused("DELETE FROM audit_entry", "a chained entry removed");
        assertEquals(new Verification(true, 1),
                new AuditService(trail, chaining(), transactions, Clock.systemUTC()).verify(TestData.auditorContext()));
    }

    @Test
    void theDatabaseRefusesAChainLinkWhoseHashesAreNotSixtyFourLowerCaseHexDigits() {
        transactions.run(() -> trail.append(entry(T0, TestData.nhsNumber(1))));
        String valid = "repeat('0', 64)";
        for (String malformed : List.of("repeat('0', 63)", "repeat('0', 65)", "repeat('A', 64)", "repeat('g', 64)",
                "repeat('0', 63) || ' '")) {
            assertRefusedBy("UPDATE audit_entry SET sequence = 1, previous_hash = " + valid + ", hash = " + malformed,
                    "hash " + malformed, "audit_entry_hash_check");
            assertRefusedBy("UPDATE audit_entry SET sequence = 1, previous_hash = " + malformed + ", hash = " + valid,
                    "previous hash " + malformed, "audit_entry_previous_hash_check");
        }
        int chained = transactions.inTransaction(() -> jdbc.prepareStatement(
                "UPDATE audit_entry SET sequence = 1, previous_hash = repeat('0', 64), hash = repeat('9f', 32)",
                PreparedStatement::executeUpdate));
        assertEquals(1, chained, "a well-formed link passes the checks");
    }

    @Test
    void noTwoChainedEntriesShareASequenceOrAHash() {
        transactions.run(() -> trail.append(entry(T0, TestData.nhsNumber(1))));
        assertEquals(1, chaining().chainRecorded());
        String copyOfTheFirst = "INSERT INTO audit_entry (at, actor_subject, actor_organisation, actor_role, actor_role_profile_id,"
                + " action, nhs_number, request_id, outcome, sequence, previous_hash, hash) SELECT at, actor_subject,"
                + " actor_organisation, actor_role, actor_role_profile_id, action, nhs_number, request_id, outcome, %s, previous_hash,"
                + " %s FROM audit_entry WHERE sequence = 1";
        assertRefusedBy(copyOfTheFirst.formatted("sequence", "repeat('e', 64)"), "a second entry with sequence 1", "audit_entry_sequence_key");
        assertRefusedBy(copyOfTheFirst.formatted("2", "hash"), "a second entry with the first one's hash", "audit_entry_hash_key");
        transactions.run(() -> jdbc.prepareStatement(copyOfTheFirst.formatted("2", "repeat('e', 64)"), PreparedStatement::execute));
    }

    private AuditChaining chaining() {
        return new AuditChaining(trail, transactions);
    }

    /** The statement fails, and one of its messages names one of the reasons (a trigger's words, a constraint). */
    private void assertRefusedBy(String statement, String what, String... reasons) {
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> transactions.run(() -> jdbc.prepareStatement(statement, PreparedStatement::executeUpdate)), what);
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        assertTrue(List.of(reasons).stream().anyMatch(messages.toString()::contains),
                () -> what + " was refused by " + List.of(reasons) + ", not by something else: " + messages);
    }

    /** Refused by the trail's own rules: the append-only trigger or the all-or-none chain columns. */
    private void assertRefused(String statement, String what) {
        assertRefusedBy(statement, what, "append-only", "audit_entry_chained_whole");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
