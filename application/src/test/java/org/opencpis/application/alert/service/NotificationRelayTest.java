package org.opencpis.application.alert.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.application.testing.TestData.CAMDEN;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.application.alert.port.out.AccessNotifications;
import org.opencpis.application.shared.StoreUnavailable;
import org.opencpis.application.testing.DirectTransactions;
import org.opencpis.application.testing.InMemoryAccessNotifications;
import org.opencpis.application.testing.InMemoryOrganisations;
import org.opencpis.application.testing.MutableClock;
import org.opencpis.application.testing.RecordingSpineMessaging;
import org.opencpis.application.testing.RecordingSpineMessaging.Sent;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.shared.OdsCode;

class NotificationRelayTest {
    private static final OdsCode UNREGISTERED = new OdsCode("999");

    private final MutableClock clock = MutableClock.at("2025-03-10T10:00:00Z");
    private final InMemoryAccessNotifications notifications = new InMemoryAccessNotifications();
    private final InMemoryOrganisations organisations = new InMemoryOrganisations();
    private final RecordingSpineMessaging messaging = new RecordingSpineMessaging();
    private final NotificationRelay relay = new NotificationRelay(notifications, organisations, messaging,
            new DirectTransactions(), clock);

    @BeforeEach
    void registerLocalAuthorities() {
        organisations.save(TestData.localAuthority(ISLINGTON));
        organisations.save(TestData.localAuthority(CAMDEN));
    }

    private AccessNotification stored(OdsCode localAuthority) {
        AccessNotification notification = new AccessNotification(UUID.randomUUID(), localAuthority, PlanType.CPP,
                TestData.access(UUID.randomUUID(), TestData.nhsNumber(1), clock.instant()), null);
        notifications.store(List.of(notification));
        clock.advance(Duration.ofMillis(1));
        return notification;
    }

    private List<UUID> sentIds() {
        return messaging.sent().stream().map(sent -> sent.notification().notificationId()).toList();
    }

    @Test
    void everyDueNotificationIsSentToItsLocalAuthorityAndMarkedDelivered() {
        AccessNotification toIslington = stored(ISLINGTON);
        AccessNotification toCamden = stored(CAMDEN);

        assertEquals(2, relay.deliverDue());

        assertEquals(List.of(new Sent(toIslington, TestData.localAuthority(ISLINGTON)),
                new Sent(toCamden, TestData.localAuthority(CAMDEN))), messaging.sent());
        assertTrue(notifications.isDelivered(toIslington.notificationId()));
        assertTrue(notifications.isDelivered(toCamden.notificationId()));
    }

    @Test
    void nothingIsSentTwiceWhenSendsSucceed() {
        stored(ISLINGTON);
        stored(CAMDEN);
        relay.deliverDue();

        assertEquals(0, relay.deliverDue());
        clock.advance(NotificationRelay.LEASE.multipliedBy(10));
        assertEquals(0, relay.deliverDue());

        assertEquals(2, messaging.sent().size());
    }

    @Test
    void aPassDeliversOneBatchAndTheNextPassTheRest() {
        List<UUID> stored = new ArrayList<>();
        for (int i = 0; i <= NotificationRelay.BATCH; i++) {
            stored.add(stored(i % 2 == 0 ? ISLINGTON : CAMDEN).notificationId());
        }

        assertEquals(NotificationRelay.BATCH, relay.deliverDue());
        assertEquals(1, relay.deliverDue());

        assertEquals(stored, sentIds());
    }

    @Test
    void aFailedSendIsRetriedWithADoublingBackOffOfAtMostAnHourUntilMessagingRecovers() {
        AccessNotification notification = stored(ISLINGTON);
        messaging.failFor(ISLINGTON);
        long[] expectedWaits = {5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600, 3600};

        for (int attempt = 1; attempt <= expectedWaits.length; attempt++) {
            assertEquals(0, relay.deliverDue());
            assertEquals(attempt, messaging.refused(), "attempt " + attempt + " was made");
            Duration wait = Duration.ofSeconds(expectedWaits[attempt - 1]);
            clock.advance(wait.minusMillis(1));
            assertEquals(0, relay.deliverDue());
            assertEquals(attempt, messaging.refused(), "no attempt before the back-off of " + wait + " has passed");
            clock.advance(Duration.ofMillis(1));
        }
        messaging.recover();

        assertEquals(1, relay.deliverDue());

        assertEquals(List.of(notification.notificationId()), sentIds());
        assertTrue(notifications.isDelivered(notification.notificationId()));
    }

    @Test
    void aFailedSendDoesNotHoldUpTheOthers() {
        AccessNotification failing = stored(ISLINGTON);
        AccessNotification other = stored(CAMDEN);
        messaging.failNext(1);

        assertEquals(1, relay.deliverDue());
        assertEquals(List.of(other.notificationId()), sentIds());

        clock.advance(NotificationRelay.FIRST_RETRY);
        assertEquals(1, relay.deliverDue());
        assertEquals(List.of(other.notificationId(), failing.notificationId()), sentIds());
    }

    @Test
    void aNotificationForAnUnregisteredLocalAuthorityIsRetriedNotDropped() {
        AccessNotification notification = stored(UNREGISTERED);

        assertEquals(0, relay.deliverDue());
        clock.advance(NotificationRelay.FIRST_RETRY);
        assertEquals(0, relay.deliverDue());
        assertFalse(notifications.isDelivered(notification.notificationId()));

        organisations.save(TestData.localAuthority(UNREGISTERED));
        clock.advance(Duration.ofSeconds(10).minusMillis(1));
        assertEquals(0, relay.deliverDue());
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, relay.deliverDue());

        assertEquals(List.of(new Sent(notification, TestData.localAuthority(UNREGISTERED))), messaging.sent());
    }

    @Test
    void aNotificationClaimedByARelayThatDiedIsSentOnceItsLeaseRunsOut() {
        AccessNotification notification = stored(ISLINGTON);
        notifications.claimDue(clock.instant(), NotificationRelay.LEASE, 10);

        assertEquals(0, relay.deliverDue());
        clock.advance(NotificationRelay.LEASE);
        assertEquals(1, relay.deliverDue());

        assertEquals(List.of(notification.notificationId()), sentIds());
    }

    @Test
    void anUnexpectedFailureOfOneSendDoesNotStopDeliveryOfTheOthers() {
        SpineMessaging brokenForIslington = (notification, recipient) -> {
            if (recipient.odsCode().equals(ISLINGTON)) {
                throw new IllegalStateException("a defect in building or sending this one message");
            }
            messaging.sendAccessNotification(notification, recipient);
        };
        NotificationRelay relay = new NotificationRelay(notifications, organisations, brokenForIslington,
                new DirectTransactions(), clock);
        stored(ISLINGTON);
        AccessNotification other = stored(CAMDEN);

        for (int pass = 0; pass < 3; pass++) {
            try {
                relay.deliverDue();
            } catch (IllegalStateException reported) {
                // surfacing the defect is fine; starving the other notifications is not
            }
            clock.advance(NotificationRelay.LEASE);
        }

        assertEquals(List.of(other.notificationId()), sentIds());
    }

    @Test
    void noSendStartsAfterItsClaimRanOut() {
        // each send takes 50 s: the fourth starts at 150 s, after the 120 s lease, when another instance runs a pass
        AtomicInteger sends = new AtomicInteger();
        NotificationRelay[] otherInstance = new NotificationRelay[1];
        SpineMessaging slow = (notification, recipient) -> {
            if (sends.incrementAndGet() == 4) {
                otherInstance[0].deliverDue();
            }
            clock.advance(NotificationRelay.LEASE.dividedBy(2).minusSeconds(10));
            messaging.sendAccessNotification(notification, recipient);
        };
        otherInstance[0] = new NotificationRelay(notifications, organisations, slow, new DirectTransactions(), clock);
        for (int i = 0; i < 4; i++) {
            stored(i % 2 == 0 ? ISLINGTON : CAMDEN);
        }

        new NotificationRelay(notifications, organisations, slow, new DirectTransactions(), clock).deliverDue();

        assertEquals(Set.copyOf(sentIds()).size(), sentIds().size(), "sent more than once: " + sentIds());
    }

    @Test
    void aSendThatCouldNotBeRecordedIsRecordedLaterAndNeverSentAgain() {
        boolean[] databaseDown = {false};
        AccessNotifications flaky = new AccessNotifications() {
            @Override
            public void store(List<AccessNotification> stored) {
                notifications.store(stored);
            }

            @Override
            public org.opencpis.application.shared.Page<AccessNotification> unacknowledged(OdsCode la,
                                                                                         org.opencpis.application.shared.PageRequest page) {
                return notifications.unacknowledged(la, page);
            }

            @Override
            public int acknowledge(OdsCode la, java.util.Collection<UUID> ids, java.time.Instant at) {
                return notifications.acknowledge(la, ids, at);
            }

            @Override
            public List<ClaimedNotification> claimDue(java.time.Instant now, Duration lease, int limit) {
                return notifications.claimDue(now, lease, limit);
            }

            @Override
            public void markDelivered(UUID id, java.time.Instant at) {
                if (databaseDown[0]) {
                    throw new StoreUnavailable("the database cannot be reached", null);
                }
                notifications.markDelivered(id, at);
            }

            @Override
            public void retryLater(UUID id, java.time.Instant dueAt) {
                notifications.retryLater(id, dueAt);
            }
        };
        NotificationRelay relay = new NotificationRelay(flaky, organisations, messaging, new DirectTransactions(), clock);
        AccessNotification first = stored(ISLINGTON);
        AccessNotification second = stored(CAMDEN);

        databaseDown[0] = true;
        assertEquals(0, relay.deliverDue(), "sent, but the database went away before either was recorded");
        assertEquals(List.of(first.notificationId(), second.notificationId()), sentIds());
        assertFalse(notifications.isDelivered(first.notificationId()));

        clock.advance(Duration.ofSeconds(1));
        try {
            relay.deliverDue();
        } catch (StoreUnavailable stillDown) {
            // a pass while the database is still down fails, and the next one tries again
        }
        databaseDown[0] = false;
        clock.advance(NotificationRelay.LEASE);
        relay.deliverDue();

        assertTrue(notifications.isDelivered(first.notificationId()));
        assertTrue(notifications.isDelivered(second.notificationId()));
        assertEquals(List.of(first.notificationId(), second.notificationId()), sentIds(), "neither was sent again");
    }

    @Test
    void theBackOffStartsAtFiveSecondsAndDoublesUpToAnHour() {
        assertEquals(Duration.ofSeconds(5), NotificationRelay.backOff(1));
        assertEquals(Duration.ofSeconds(10), NotificationRelay.backOff(2));
        assertEquals(Duration.ofSeconds(2560), NotificationRelay.backOff(10));
        assertEquals(Duration.ofHours(1), NotificationRelay.backOff(11));
        assertEquals(Duration.ofHours(1), NotificationRelay.backOff(Integer.MAX_VALUE));
    }
}
