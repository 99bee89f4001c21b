package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencpis.application.testing.TestData.CAMDEN;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpis.application.alert.port.out.AccessEvents;
import org.opencpis.application.alert.port.out.AccessNotifications;
import org.opencpis.application.alert.port.out.AccessNotifications.ClaimedNotification;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.alert.AccessEvent;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.OdsCode;

/** What every {@link AccessNotifications} must do, as the inbox of an LA and as the outbox of their delivery. */
public abstract class AccessNotificationsContractTest {
    protected static final Instant T0 = Instant.parse("2025-03-10T10:15:30.123456Z");
    protected static final Duration LEASE = Duration.ofMinutes(2);
    private static final PageRequest ALL = new PageRequest(0, PageRequest.MAX_SIZE);
    protected static final Instant LATER = T0.plus(Duration.ofDays(1));

    private AccessNotifications notifications;
    private AccessEvents events;

    /** A new, empty store under test. */
    protected abstract AccessNotifications createNotifications();

    /** Where the notifications' access events are recorded first, as the query service does. */
    protected abstract AccessEvents accessEvents();

    /** Runs port calls the way the services do: inside a transaction. */
    protected abstract Transactions transactions();

    @BeforeEach
    void createStore() {
        notifications = createNotifications();
        events = accessEvents();
    }

    protected final <T> T tx(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    protected final AccessEvent recordedAccess(int child, Instant at) {
        AccessEvent access = TestData.access(UUID.randomUUID(), TestData.nhsNumber(child), at);
        transactions().run(() -> events.record(access));
        return access;
    }

    protected final List<AccessNotification> stored(AccessNotification... stored) {
        transactions().run(() -> notifications.store(List.of(stored)));
        return List.of(stored);
    }

    protected final AccessNotification stored(OdsCode localAuthority, Instant accessedAt) {
        return stored(notification(UUID.randomUUID(), localAuthority, recordedAccess(1, accessedAt))).get(0);
    }

    protected static AccessNotification notification(UUID id, OdsCode localAuthority, AccessEvent access) {
        return new AccessNotification(id, localAuthority, PlanType.CPP, access, null);
    }

    private List<AccessNotification> inbox(OdsCode localAuthority) {
        return tx(() -> notifications.unacknowledged(localAuthority, ALL)).items();
    }

    private int acknowledge(OdsCode localAuthority, Instant at, UUID... ids) {
        return tx(() -> notifications.acknowledge(localAuthority, List.of(ids), at));
    }

    protected final List<ClaimedNotification> claim(Instant now) {
        return tx(() -> notifications.claimDue(now, LEASE, 100));
    }

    private List<UUID> claimedIds(Instant now) {
        return claim(now).stream().map(claimed -> claimed.notification().notificationId()).toList();
    }

    private static AccessNotification acknowledgedAt(AccessNotification notification, Instant at) {
        return new AccessNotification(notification.notificationId(), notification.localAuthority(),
                notification.planType(), notification.access(), at);
    }

    // --- the LA's inbox

    @Test
    void anEmptyInboxHasNothingToShow() {
        assertEquals(new Page<>(List.of(), false), tx(() -> notifications.unacknowledged(ISLINGTON, ALL)));
    }

    @Test
    void storedNotificationsComeBackWithEveryField() {
        AccessEvent access = recordedAccess(1, T0);
        List<AccessNotification> both = stored(
                new AccessNotification(UUID.randomUUID(), ISLINGTON, PlanType.LAC, access, null),
                new AccessNotification(UUID.randomUUID(), CAMDEN, PlanType.UCPP, access, null));

        assertEquals(List.of(both.get(0)), inbox(ISLINGTON));
        assertEquals(List.of(both.get(1)), inbox(CAMDEN));
    }

    @Test
    void anAccessWithoutOptionalFieldsComesBackWithout() {
        AccessEvent access = new AccessEvent(UUID.randomUUID(), TestData.nhsNumber(1), T0,
                new Actor("clinician-2", TestData.HOSPITAL, "R8000", null), null);
        transactions().run(() -> events.record(access));
        List<AccessNotification> stored = stored(notification(UUID.randomUUID(), ISLINGTON, access));

        assertEquals(stored, inbox(ISLINGTON));
    }

    @Test
    void theInboxHoldsOneLasNotificationsOldestAccessFirst() {
        AccessNotification middle = stored(ISLINGTON, T0.plusSeconds(60));
        AccessNotification newest = stored(ISLINGTON, T0.plusSeconds(120));
        stored(CAMDEN, T0.plusSeconds(30));
        AccessNotification oldest = stored(ISLINGTON, T0);

        assertEquals(List.of(oldest, middle, newest), inbox(ISLINGTON));
    }

    @Test
    void notificationsOfAccessesAtTheSameInstantAreOrderedById() {
        AccessNotification high = stored(notification(UUID.fromString("f0000000-0000-4000-8000-000000000000"), ISLINGTON,
                recordedAccess(1, T0))).get(0);
        AccessNotification low = stored(notification(UUID.fromString("10000000-0000-4000-8000-000000000000"), ISLINGTON,
                recordedAccess(2, T0))).get(0);
        AccessNotification middle = stored(notification(UUID.fromString("80000000-0000-4000-8000-000000000000"), ISLINGTON,
                recordedAccess(3, T0))).get(0);

        assertEquals(List.of(low, middle, high), inbox(ISLINGTON));
    }

    @Test
    void theInboxPagesWithALookahead() {
        List<AccessNotification> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(stored(ISLINGTON, T0.plusSeconds(i)));
            stored(CAMDEN, T0.plusSeconds(i));
        }

        assertEquals(new Page<>(all.subList(0, 2), true), page(0, 2));
        assertEquals(new Page<>(all.subList(2, 4), true), page(1, 2));
        assertEquals(new Page<>(all.subList(4, 5), false), page(2, 2));
        assertEquals(new Page<>(List.of(), false), page(3, 2));
        assertEquals(new Page<>(all, false), page(0, 5));
    }

    private Page<AccessNotification> page(int page, int size) {
        return tx(() -> notifications.unacknowledged(ISLINGTON, new PageRequest(page, size)));
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        AccessNotification nanos = stored(ISLINGTON, Instant.parse("2025-03-10T10:15:30.999999999Z"));

        assertEquals(Instant.parse("2025-03-10T10:15:30.999999Z"), inbox(ISLINGTON).get(0).access().accessedAt());
        assertEquals(nanos.notificationId(), inbox(ISLINGTON).get(0).notificationId());
    }

    // --- acknowledgement

    @Test
    void acknowledgingRemovesTheLasOwnNotificationsFromItsInbox() {
        AccessNotification first = stored(ISLINGTON, T0);
        AccessNotification second = stored(ISLINGTON, T0.plusSeconds(1));
        AccessNotification third = stored(ISLINGTON, T0.plusSeconds(2));

        assertEquals(2, acknowledge(ISLINGTON, LATER, first.notificationId(), third.notificationId()));

        assertEquals(List.of(second), inbox(ISLINGTON));
    }

    @Test
    void acknowledgingAgainChangesNothing() {
        AccessNotification first = stored(ISLINGTON, T0);
        AccessNotification second = stored(ISLINGTON, T0.plusSeconds(1));
        acknowledge(ISLINGTON, LATER, first.notificationId());

        assertEquals(0, acknowledge(ISLINGTON, LATER.plusSeconds(60), first.notificationId()));
        assertEquals(1, acknowledge(ISLINGTON, LATER.plusSeconds(60), first.notificationId(), second.notificationId()));

        assertEquals(List.of(), inbox(ISLINGTON));
        assertEquals(List.of(acknowledgedAt(first, LATER), acknowledgedAt(second, LATER.plusSeconds(60))),
                claim(LATER.plusSeconds(120)).stream().map(ClaimedNotification::notification).toList());
    }

    @Test
    void anotherLasAndUnknownIdsAreIgnored() {
        AccessNotification islington = stored(ISLINGTON, T0);
        AccessNotification camden = stored(CAMDEN, T0.plusSeconds(1));

        assertEquals(1, acknowledge(ISLINGTON, LATER, islington.notificationId(), camden.notificationId(), UUID.randomUUID()));
        assertEquals(0, acknowledge(ISLINGTON, LATER, camden.notificationId()));
        assertEquals(0, acknowledge(new OdsCode("999"), LATER, camden.notificationId()));

        assertEquals(List.of(), inbox(ISLINGTON));
        assertEquals(List.of(camden), inbox(CAMDEN));
    }

    @Test
    void acknowledgingNoIdsAcknowledgesNothing() {
        AccessNotification notification = stored(ISLINGTON, T0);

        assertEquals(0, acknowledge(ISLINGTON, LATER));
        assertEquals(List.of(notification), inbox(ISLINGTON));
    }

    @Test
    void acknowledgementTimesAreKeptToTheMicrosecond() {
        AccessNotification notification = stored(ISLINGTON, T0);

        acknowledge(ISLINGTON, Instant.parse("2025-03-11T08:00:00.000000999Z"), notification.notificationId());

        assertEquals(Instant.parse("2025-03-11T08:00:00Z"), claim(LATER).get(0).notification().acknowledgedAt());
    }

    // --- delivery

    @Test
    void aNotificationIsDueFromItsAccess() {
        AccessNotification notification = stored(ISLINGTON, T0);

        assertEquals(List.of(), claim(T0.minusNanos(1_000)));
        assertEquals(List.of(new ClaimedNotification(notification, 1)), claim(T0));
    }

    @Test
    void claimDueTakesTheEarliestDueFirstUpToTheLimit() {
        AccessNotification second = stored(ISLINGTON, T0.plusSeconds(1));
        AccessNotification third = stored(CAMDEN, T0.plusSeconds(2));
        AccessNotification first = stored(CAMDEN, T0);

        assertEquals(List.of(first.notificationId(), second.notificationId()),
                tx(() -> notifications.claimDue(LATER, LEASE, 2)).stream()
                        .map(claimed -> claimed.notification().notificationId()).toList());
        assertEquals(List.of(third.notificationId()), claimedIds(LATER));
        assertEquals(List.of(), claimedIds(LATER));
    }

    @Test
    void aClaimedNotificationIsNotClaimedAgainUntilItsLeaseRunsOut() {
        AccessNotification notification = stored(ISLINGTON, T0);
        Instant claimedAt = T0.plusSeconds(5);

        assertEquals(List.of(new ClaimedNotification(notification, 1)), claim(claimedAt));
        assertEquals(List.of(), claim(claimedAt));
        assertEquals(List.of(), claim(claimedAt.plus(LEASE).minusNanos(1_000)));

        assertEquals(List.of(new ClaimedNotification(notification, 2)), claim(claimedAt.plus(LEASE)));
        assertEquals(List.of(new ClaimedNotification(notification, 3)), claim(claimedAt.plus(LEASE).plus(LEASE)));
    }

    @Test
    void retryLaterReleasesTheClaimAndMakesItDueAtTheGivenTime() {
        AccessNotification notification = stored(ISLINGTON, T0);
        claim(T0);
        Instant retryAt = T0.plusSeconds(5);

        transactions().run(() -> notifications.retryLater(notification.notificationId(), retryAt));

        assertEquals(List.of(), claim(retryAt.minusNanos(1_000)));
        assertEquals(List.of(new ClaimedNotification(notification, 2)), claim(retryAt));
    }

    @Test
    void retryLaterCanPutTheNextAttemptBeyondTheLease() {
        AccessNotification notification = stored(ISLINGTON, T0);
        claim(T0);
        Instant retryAt = T0.plus(LEASE).plusSeconds(60);

        transactions().run(() -> notifications.retryLater(notification.notificationId(), retryAt));

        assertEquals(List.of(), claim(T0.plus(LEASE)));
        assertEquals(List.of(new ClaimedNotification(notification, 2)), claim(retryAt));
    }

    @Test
    void aDeliveredNotificationIsNeverClaimedAgain() {
        AccessNotification notification = stored(ISLINGTON, T0);
        AccessNotification other = stored(ISLINGTON, T0.plusSeconds(1));
        claim(T0.plusSeconds(1));

        transactions().run(() -> notifications.markDelivered(notification.notificationId(), T0.plusSeconds(2)));
        transactions().run(() -> notifications.retryLater(notification.notificationId(), T0.plusSeconds(3)));

        assertEquals(List.of(other.notificationId()), claimedIds(LATER));
        assertEquals(List.of(other.notificationId()), claimedIds(LATER.plus(LEASE)));
    }

    @Test
    void deliveredNotificationsStayInTheInboxUntilAcknowledged() {
        AccessNotification notification = stored(ISLINGTON, T0);
        claim(T0);
        transactions().run(() -> notifications.markDelivered(notification.notificationId(), T0.plusSeconds(1)));

        assertEquals(List.of(notification), inbox(ISLINGTON));
        assertEquals(1, acknowledge(ISLINGTON, LATER, notification.notificationId()));
        assertEquals(List.of(), inbox(ISLINGTON));
    }

    @Test
    void acknowledgedNotificationsAreStillDelivered() {
        AccessNotification notification = stored(ISLINGTON, T0);
        acknowledge(ISLINGTON, T0.plusSeconds(1), notification.notificationId());

        assertEquals(List.of(new ClaimedNotification(acknowledgedAt(notification, T0.plusSeconds(1)), 1)),
                claim(T0.plusSeconds(2)));
    }

    @Test
    void claimsCountEveryAttempt() {
        AccessNotification notification = stored(ISLINGTON, T0);
        Instant now = T0;
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertEquals(List.of(new ClaimedNotification(notification, attempt)), claim(now));
            Instant retryAt = now.plusSeconds(10);
            transactions().run(() -> notifications.retryLater(notification.notificationId(), retryAt));
            now = retryAt;
        }
        assertEquals(List.of(), claim(now.minusSeconds(1)));
    }
}
