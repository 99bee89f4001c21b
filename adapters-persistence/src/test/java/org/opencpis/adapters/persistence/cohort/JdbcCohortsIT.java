package org.opencpis.adapters.persistence.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.persistence.plan.JdbcProtectionRecords;
import org.opencpis.adapters.persistence.shared.MicronautTransactions;
import org.opencpis.adapters.persistence.testing.DatabaseCleaner;
import org.opencpis.adapters.persistence.testing.PostgresIT;
import org.opencpis.application.cohort.port.out.Cohorts;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.testing.CohortsContractTest;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.cohort.Criterion;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.NhsNumber;

@MicronautTest(transactional = false)
class JdbcCohortsIT extends CohortsContractTest implements PostgresIT {
    @Inject
    JdbcCohorts cohorts;
    @Inject
    JdbcProtectionRecords records;
    @Inject
    MicronautTransactions transactions;
    @Inject
    DatabaseCleaner cleaner;
    @Inject
    JdbcOperations jdbc;

    private final ExecutorService threads = Executors.newSingleThreadExecutor();

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    @Override
    protected Cohorts createCohorts() {
        cleaner.emptyAllTables();
        return cohorts;
    }

    @Override
    protected ProtectionRecords records() {
        return records;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Test
    void lockedPeopleWaitForTheTransactionThatLockedThem() throws Exception {
        NhsNumber held = TestData.nhsNumber(2);
        NhsNumber free = TestData.nhsNumber(3);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> transactions.run(() -> {
            cohorts.lockPeople(List.of(TestData.nhsNumber(1), held));
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertTrue(locked.await(30, TimeUnit.SECONDS), "the lock was taken");
            transactions.run(() -> {
                lockTimeout();
                cohorts.lockPeople(List.of(free));
            });
            RuntimeException blocked = assertThrows(RuntimeException.class, () -> transactions.run(() -> {
                lockTimeout();
                cohorts.lockPeople(List.of(free, held));
            }));
            assertTrue(hasSqlState(blocked, "55P03"), () -> "expected a lock timeout, got " + blocked);
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }
        transactions.run(() -> {
            lockTimeout();
            cohorts.lockPeople(List.of(free, held));
        });
    }

    @Test
    void aRecordsPlacementsGoWithItWhenItIsDeleted() {
        ProtectionRecord kept = TestData.record(TestData.key(TestData.ISLINGTON, 1, PlanType.CPP));
        ProtectionRecord purged = TestData.record(TestData.key(TestData.ISLINGTON, 2, PlanType.CPP));
        Criterion school = new Criterion(Criterion.Kind.SCHOOL_URN, "100001");
        Criterion borough = new Criterion(Criterion.Kind.LOCAL_AUTHORITY, TestData.ISLINGTON.value());
        transactions.run(() -> {
            records.insertIfAbsent(kept);
            records.insertIfAbsent(purged);
            cohorts.placeNew(Map.of(kept.id(), Set.of(school, borough), purged.id(), Set.of(school, borough)));
        });

        transactions.run(() -> records.delete(purged.id()));

        assertEquals(0, placementRows(purged.id()), "no placement of a deleted record is left behind");
        assertEquals(2, placementRows(kept.id()));
    }

    private long placementRows(UUID recordId) {
        return transactions.inTransaction(() -> jdbc.prepareStatement(
                "SELECT count(*) FROM record_placement WHERE record_id = ?", statement -> {
                    statement.setObject(1, recordId);
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                }));
    }

    private void lockTimeout() {
        jdbc.prepareStatement("SET LOCAL lock_timeout = '200ms'", PreparedStatement::execute);
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
