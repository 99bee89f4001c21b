package org.opencpis.adapters.persistence.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.opencpis.application.testing.TestData.CAMDEN;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.persistence.shared.MicronautTransactions;
import org.opencpis.adapters.persistence.testing.DatabaseCleaner;
import org.opencpis.adapters.persistence.testing.PostgresIT;
import org.opencpis.application.alert.port.out.AccessEvents;
import org.opencpis.application.alert.port.out.AccessNotifications;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.testing.AccessNotificationsContractTest;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.alert.AccessEvent;

@MicronautTest(transactional = false)
class JdbcAccessNotificationsIT extends AccessNotificationsContractTest implements PostgresIT {
    @Inject
    JdbcAccessNotifications notifications;
    @Inject
    JdbcAccessEvents events;
    @Inject
    MicronautTransactions transactions;
    @Inject
    DatabaseCleaner cleaner;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @Override
    protected AccessNotifications createNotifications() {
        cleaner.emptyAllTables();
        return notifications;
    }

    @Override
    protected AccessEvents accessEvents() {
        return events;
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
    void concurrentRelaysSkipEachOthersClaimsAndTogetherTakeEveryDueNotification() throws Exception {
        Set<UUID> stored = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            stored.add(stored(i % 2 == 0 ? ISLINGTON : CAMDEN, T0.plusSeconds(i)).notificationId());
        }
        int relays = 2;
        CyclicBarrier bothClaimed = new CyclicBarrier(relays);
        List<Future<List<UUID>>> claims = new ArrayList<>();
        for (int relay = 0; relay < relays; relay++) {
            claims.add(threads.submit(() -> tx(() -> {
                List<UUID> claimed = notifications.claimDue(LATER, LEASE, 5).stream()
                        .map(claim -> claim.notification().notificationId()).toList();
                await(bothClaimed);
                return claimed;
            })));
        }

        List<UUID> first = claims.get(0).get(30, TimeUnit.SECONDS);
        List<UUID> second = claims.get(1).get(30, TimeUnit.SECONDS);

        assertEquals(5, first.size());
        assertEquals(5, second.size());
        Set<UUID> together = new HashSet<>(first);
        together.addAll(second);
        assertEquals(stored, together, "disjoint claims that cover every notification");
        assertEquals(List.of(), claim(LATER));
    }

    @Test
    void aNotificationNeedsItsAccessEventRecordedFirst() {
        AccessEvent unrecorded = TestData.access(UUID.randomUUID(), TestData.nhsNumber(1), T0);

        assertThrows(RuntimeException.class, () -> stored(notification(UUID.randomUUID(), ISLINGTON, unrecorded)));
    }

    @Test
    void oneAccessNotifiesEachLocalAuthorityAtMostOnce() {
        AccessEvent access = recordedAccess(1, T0);
        stored(notification(UUID.randomUUID(), ISLINGTON, access));

        assertThrows(RuntimeException.class, () -> stored(notification(UUID.randomUUID(), ISLINGTON, access)));

        assertEquals(1, claim(T0).size());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other relay did not claim while this one held its claims", e);
        }
    }
}
