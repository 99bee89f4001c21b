package org.opencpis.adapters.persistence.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.application.testing.TestData.ISLINGTON;
import static org.opencpis.application.testing.TestData.key;
import static org.opencpis.application.testing.TestData.record;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.persistence.shared.MicronautTransactions;
import org.opencpis.adapters.persistence.testing.DatabaseCleaner;
import org.opencpis.adapters.persistence.testing.PostgresIT;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.testing.PlanDetailsBuilder;
import org.opencpis.application.testing.ProtectionRecordsContractTest;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordKey;

@MicronautTest(transactional = false)
class JdbcProtectionRecordsIT extends ProtectionRecordsContractTest implements PostgresIT {
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Inject
    JdbcProtectionRecords records;
    @Inject
    MicronautTransactions transactions;
    @Inject
    DatabaseCleaner cleaner;
    @Inject
    JdbcOperations jdbc;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @Override
    protected ProtectionRecords createRecords() {
        cleaner.emptyAllTables();
        return records;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void concurrentInsertsOfOneKeyStoreExactlyOneRecord() throws Exception {
        RecordKey key = key(ISLINGTON, 1, PlanType.CPP);
        int racers = 4;
        CyclicBarrier start = new CyclicBarrier(racers);
        List<Future<Boolean>> inserted = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            inserted.add(threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return tx(() -> records.insertIfAbsent(record(key)));
            }));
        }

        int winners = 0;
        for (Future<Boolean> result : inserted) {
            winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }

        assertEquals(1, winners);
        assertEquals(1, tx(() -> records.listCurrent(ISLINGTON, null, TODAY, new PageRequest(0, 10))).items().size());
    }

    @Test
    void findCurrentForUpdateLocksTheRecordUntilTheTransactionEnds() throws Exception {
        ProtectionRecord stored = record(key(ISLINGTON, 1, PlanType.CPP));
        tx(() -> records.insertIfAbsent(stored));

        whileLockedBy(() -> records.findCurrentForUpdate(stored.key()), () -> {
            RuntimeException blocked = assertThrows(RuntimeException.class,
                    () -> tx(() -> withLockTimeout(() -> records.findCurrentForUpdate(stored.key()))));
            assertTrue(hasSqlState(blocked, LOCK_NOT_AVAILABLE), () -> "expected a lock timeout, got " + blocked);
        });

        assertEquals(Optional.of(stored), tx(() -> withLockTimeout(() -> records.findCurrentForUpdate(stored.key()))));
    }

    @Test
    void findAllCurrentForUpdateLocksTheRecordsUntilTheTransactionEnds() throws Exception {
        ProtectionRecord locked = record(key(ISLINGTON, 1, PlanType.CPP));
        ProtectionRecord free = record(key(ISLINGTON, 2, PlanType.CPP));
        tx(() -> records.insertAllIfAbsent(List.of(locked, free)));

        whileLockedBy(() -> records.findAllCurrentForUpdate(List.of(key(ISLINGTON, 9, PlanType.CPP), locked.key())), () -> {
            assertEquals(Optional.of(free), tx(() -> withLockTimeout(() -> records.findCurrentForUpdate(free.key()))));
            RuntimeException blocked = assertThrows(RuntimeException.class,
                    () -> tx(() -> withLockTimeout(() -> records.findAllCurrentForUpdate(List.of(free.key(), locked.key())))));
            assertTrue(hasSqlState(blocked, LOCK_NOT_AVAILABLE), () -> "expected a lock timeout, got " + blocked);
        });
    }

    @Test
    void aPurgeSkipsRecordsAnotherPurgeHolds() throws Exception {
        ProtectionRecord due = record(key(ISLINGTON, 1, PlanType.CPP), PlanDetailsBuilder.planFor(PlanType.CPP).deletedOn(TODAY).build());
        tx(() -> records.insertIfAbsent(due));

        whileLockedBy(() -> records.findDueForPurge(TODAY, 10),
                () -> assertEquals(List.of(), tx(() -> records.findDueForPurge(TODAY, 10))));

        assertEquals(List.of(due), tx(() -> records.findDueForPurge(TODAY, 10)));
    }

    /** Runs {@code lock} in a transaction on another thread, and {@code meanwhile} here before that transaction ends. */
    private void whileLockedBy(Runnable lock, Runnable meanwhile) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> transactions.run(() -> {
            lock.run();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertTrue(locked.await(30, TimeUnit.SECONDS), "the lock was taken");
            meanwhile.run();
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }
    }

    private <T> T withLockTimeout(Supplier<T> work) {
        jdbc.prepareStatement("SET LOCAL lock_timeout = '200ms'", PreparedStatement::execute);
        return work.get();
    }

    private static boolean hasSqlState(Throwable thrown, String sqlState) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
