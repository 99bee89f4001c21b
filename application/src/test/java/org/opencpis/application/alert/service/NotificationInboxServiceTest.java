package org.opencpis.application.alert.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.opencpis.application.testing.TestData.CAMDEN;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpis.application.alert.port.in.AcknowledgeNotificationsUseCase;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.testing.DirectTransactions;
import org.opencpis.application.testing.InMemoryAccessNotifications;
import org.opencpis.application.testing.InMemoryAuditTrail;
import org.opencpis.application.testing.MutableClock;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.ChainedAuditEntry;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.OdsCode;

class NotificationInboxServiceTest {
    private static final PageRequest FIRST_PAGE = new PageRequest(0, 50);

    private final MutableClock clock = MutableClock.at("2025-03-10T10:00:00Z");
    private final InMemoryAccessNotifications notifications = new InMemoryAccessNotifications();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final NotificationInboxService inbox = new NotificationInboxService(notifications, audit, new DirectTransactions(), clock);

    private final RequestContext islington = TestData.laContext(ISLINGTON);
    private final RequestContext camden = TestData.laContext(CAMDEN);

    private AccessNotification stored(OdsCode localAuthority, int child, Instant accessedAt) {
        AccessNotification notification = new AccessNotification(UUID.randomUUID(), localAuthority, PlanType.CPP,
                TestData.access(UUID.randomUUID(), TestData.nhsNumber(child), accessedAt), null);
        notifications.store(List.of(notification));
        return notification;
    }

    private List<AuditEntry> audited() {
        return audit.entries().stream().map(ChainedAuditEntry::entry).toList();
    }

    private static Set<UUID> ids(AccessNotification... notifications) {
        return Stream.of(notifications).map(AccessNotification::notificationId).collect(Collectors.toSet());
    }

    // --- listing

    @Test
    void anLaSeesOnlyItsOwnUnacknowledgedNotificationsOldestFirst() {
        Instant t0 = clock.instant().minus(Duration.ofHours(1));
        AccessNotification second = stored(ISLINGTON, 2, t0.plusSeconds(60));
        AccessNotification first = stored(ISLINGTON, 1, t0);
        stored(CAMDEN, 3, t0.plusSeconds(30));
        AccessNotification third = stored(ISLINGTON, 1, t0.plusSeconds(120));

        assertEquals(new Page<>(List.of(first, second, third), false), inbox.unacknowledged(islington, FIRST_PAGE));
    }

    @Test
    void eachListedNotificationIsAudited() {
        Instant t0 = clock.instant().minus(Duration.ofHours(1));
        AccessNotification first = stored(ISLINGTON, 1, t0);
        AccessNotification second = stored(ISLINGTON, 2, t0.plusSeconds(1));
        stored(ISLINGTON, 3, t0.plusSeconds(2));

        Page<AccessNotification> page = inbox.unacknowledged(islington, new PageRequest(0, 2));

        assertEquals(new Page<>(List.of(first, second), true), page);
        assertEquals(List.of(
                        new AuditEntry(clock.instant(), islington.actor(), "NOTIFICATION_READ", first.access().nhsNumber(),
                                islington.requestId(), "FOUND"),
                        new AuditEntry(clock.instant(), islington.actor(), "NOTIFICATION_READ", second.access().nhsNumber(),
                                islington.requestId(), "FOUND")),
                audited());
    }

    @Test
    void anEmptyInboxAuditsNothing() {
        stored(CAMDEN, 1, clock.instant());

        assertEquals(new Page<>(List.of(), false), inbox.unacknowledged(islington, FIRST_PAGE));
        assertEquals(List.of(), audited());
    }

    // --- acknowledging

    @Test
    void acknowledgingCountsAndRemovesTheLasOwnNotifications() {
        AccessNotification first = stored(ISLINGTON, 1, clock.instant());
        AccessNotification second = stored(ISLINGTON, 2, clock.instant().plusSeconds(1));
        AccessNotification kept = stored(ISLINGTON, 3, clock.instant().plusSeconds(2));

        assertEquals(2, inbox.acknowledge(islington, ids(first, second)));

        assertEquals(List.of(kept), inbox.unacknowledged(islington, FIRST_PAGE).items());
        assertEquals(new AuditEntry(clock.instant(), islington.actor(), "NOTIFICATION_ACKNOWLEDGE", null,
                islington.requestId(), "ACKNOWLEDGED:2"), audited().get(0));
    }

    @Test
    void acknowledgingAgainIsHarmless() {
        AccessNotification notification = stored(ISLINGTON, 1, clock.instant());
        inbox.acknowledge(islington, ids(notification));
        clock.advance(Duration.ofMinutes(5));

        assertEquals(0, inbox.acknowledge(islington, ids(notification)));

        assertEquals(List.of(), inbox.unacknowledged(islington, FIRST_PAGE).items());
        assertEquals(List.of("ACKNOWLEDGED:1", "ACKNOWLEDGED:0"), audited().stream().map(AuditEntry::outcome).toList());
    }

    @Test
    void anotherLasAndUnknownIdsAreIgnored() {
        AccessNotification mine = stored(ISLINGTON, 1, clock.instant());
        AccessNotification theirs = stored(CAMDEN, 1, clock.instant());

        assertEquals(1, inbox.acknowledge(islington, Set.of(mine.notificationId(), theirs.notificationId(), UUID.randomUUID())));
        assertEquals(0, inbox.acknowledge(islington, ids(theirs)));

        assertEquals(List.of(theirs), inbox.unacknowledged(camden, FIRST_PAGE).items());
    }

    @Test
    void upToAThousandIdsMayBeAcknowledgedAtOnce() {
        AccessNotification notification = stored(ISLINGTON, 1, clock.instant());
        Set<UUID> ids = new HashSet<>(ids(notification));
        while (ids.size() < AcknowledgeNotificationsUseCase.MAX_IDS) {
            ids.add(UUID.randomUUID());
        }

        assertEquals(1, inbox.acknowledge(islington, ids));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, AcknowledgeNotificationsUseCase.MAX_IDS + 1})
    void noIdsOrTooManyAreRefused(int count) {
        AccessNotification notification = stored(ISLINGTON, 1, clock.instant());
        Set<UUID> ids = new HashSet<>();
        while (ids.size() < count) {
            ids.add(ids.isEmpty() ? notification.notificationId() : UUID.randomUUID());
        }

        DomainViolation refused = assertThrows(DomainViolation.class, () -> inbox.acknowledge(islington, ids));

        assertEquals("INVALID_IDS", refused.code());
        assertEquals(List.of(), audited());
        assertEquals(List.of(notification), inbox.unacknowledged(islington, FIRST_PAGE).items());
    }
}
