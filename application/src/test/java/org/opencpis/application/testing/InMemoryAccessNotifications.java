package org.opencpis.application.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencpis.application.alert.port.out.AccessNotifications;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.domain.alert.AccessEvent;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.shared.OdsCode;

/**
 * The inbox and outbox in a synchronized map, with the JDBC adapter's claim and lease rules: a
 * notification is due from its access time; a claim holds it until its lease runs out. Times are
 * kept to the microsecond.
 */
public final class InMemoryAccessNotifications implements AccessNotifications {
    private static final Comparator<Stored> OLDEST_ACCESS_FIRST =
            Comparator.comparing((Stored stored) -> stored.notification().access().accessedAt())
                    .thenComparing(stored -> stored.notification().notificationId(), Uuids.POSTGRES_ORDER);
    private static final Comparator<Stored> EARLIEST_DUE_FIRST = Comparator.comparing(Stored::dueAt)
            .thenComparing(stored -> stored.notification().notificationId(), Uuids.POSTGRES_ORDER);

    private final Map<UUID, Stored> byId = new LinkedHashMap<>();

    private record Stored(AccessNotification notification, Instant dueAt, Instant claimedUntil, int attempts,
                          Instant deliveredAt) {
        boolean isClaimableAt(Instant now) {
            return deliveredAt == null && !dueAt.isAfter(now) && (claimedUntil == null || !claimedUntil.isAfter(now));
        }

        Stored acknowledged(Instant at) {
            AccessNotification n = notification;
            return new Stored(new AccessNotification(n.notificationId(), n.localAuthority(), n.planType(), n.access(), at),
                    dueAt, claimedUntil, attempts, deliveredAt);
        }
    }

    @Override
    public synchronized void store(List<AccessNotification> notifications) {
        for (AccessNotification notification : notifications) {
            if (byId.containsKey(notification.notificationId())) {
                throw new IllegalStateException("notification " + notification.notificationId() + " is already stored");
            }
        }
        for (AccessNotification notification : notifications) {
            AccessNotification stored = toMicros(notification);
            byId.put(stored.notificationId(), new Stored(stored, stored.access().accessedAt(), null, 0, null));
        }
    }

    @Override
    public synchronized Page<AccessNotification> unacknowledged(OdsCode localAuthority, PageRequest page) {
        List<AccessNotification> rows = byId.values().stream()
                .filter(stored -> stored.notification().localAuthority().equals(localAuthority))
                .filter(stored -> !stored.notification().isAcknowledged())
                .sorted(OLDEST_ACCESS_FIRST)
                .skip(page.offset())
                .limit(page.size() + 1L)
                .map(Stored::notification)
                .toList();
        return Page.fromLookahead(rows, page.size());
    }

    @Override
    public synchronized int acknowledge(OdsCode localAuthority, Collection<UUID> ids, Instant at) {
        int acknowledged = 0;
        for (UUID id : Set.copyOf(ids)) {
            Stored stored = byId.get(id);
            if (stored != null && stored.notification().localAuthority().equals(localAuthority)
                    && !stored.notification().isAcknowledged()) {
                byId.put(id, stored.acknowledged(micros(at)));
                acknowledged++;
            }
        }
        return acknowledged;
    }

    @Override
    public synchronized List<ClaimedNotification> claimDue(Instant now, Duration lease, int limit) {
        Instant at = micros(now);
        Instant until = micros(now.plus(lease));
        List<Stored> due = byId.values().stream()
                .filter(stored -> stored.isClaimableAt(at))
                .sorted(EARLIEST_DUE_FIRST)
                .limit(limit)
                .toList();
        List<ClaimedNotification> claimed = new ArrayList<>();
        for (Stored stored : due) {
            Stored claim = new Stored(stored.notification(), stored.dueAt(), until, stored.attempts() + 1, null);
            byId.put(stored.notification().notificationId(), claim);
            claimed.add(new ClaimedNotification(claim.notification(), claim.attempts()));
        }
        return claimed;
    }

    @Override
    public synchronized void markDelivered(UUID notificationId, Instant at) {
        byId.computeIfPresent(notificationId, (id, stored) -> stored.deliveredAt() != null ? stored
                : new Stored(stored.notification(), stored.dueAt(), null, stored.attempts(), micros(at)));
    }

    @Override
    public synchronized void retryLater(UUID notificationId, Instant dueAt) {
        byId.computeIfPresent(notificationId, (id, stored) -> stored.deliveredAt() != null ? stored
                : new Stored(stored.notification(), micros(dueAt), null, stored.attempts(), null));
    }

    /** Every stored notification, in the order stored, for assertions. */
    public synchronized List<AccessNotification> all() {
        return byId.values().stream().map(Stored::notification).toList();
    }

    public synchronized boolean isDelivered(UUID notificationId) {
        Stored stored = byId.get(notificationId);
        return stored != null && stored.deliveredAt() != null;
    }

    private static AccessNotification toMicros(AccessNotification notification) {
        AccessEvent access = notification.access();
        AccessEvent accessToMicros = new AccessEvent(access.id(), access.nhsNumber(), micros(access.accessedAt()),
                access.accessedBy(), access.organisationName());
        return new AccessNotification(notification.notificationId(), notification.localAuthority(), notification.planType(),
                accessToMicros, micros(notification.acknowledgedAt()));
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
