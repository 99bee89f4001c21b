package org.opencpis.application.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencpis.application.alert.port.out.InactiveNumberNotices;
import org.opencpis.application.shared.outbox.OutboxRelay;
import org.opencpis.domain.alert.InactiveNumberNotice;

/** Inactive NHS number notices in memory, with the outbox behaviour of the JDBC adapter. */
public final class InMemoryInactiveNumberNotices implements InactiveNumberNotices {
    private final Map<UUID, Stored> byId = new LinkedHashMap<>();

    private record Stored(InactiveNumberNotice notice, Instant dueAt, Instant claimedUntil, int attempts, Instant deliveredAt) {
        boolean isClaimableAt(Instant now) {
            return deliveredAt == null && !dueAt.isAfter(now) && (claimedUntil == null || !claimedUntil.isAfter(now));
        }
    }

    @Override
    public synchronized boolean storeIfNew(InactiveNumberNotice notice) {
        boolean known = byId.values().stream().map(Stored::notice).anyMatch(held ->
                held.localAuthority().equals(notice.localAuthority()) && held.nhsNumber().equals(notice.nhsNumber())
                        && held.supersededBy().equals(notice.supersededBy()));
        if (known || byId.containsKey(notice.noticeId())) {
            return false;
        }
        byId.put(notice.noticeId(), new Stored(notice, micros(notice.detectedAt()), null, 0, null));
        return true;
    }

    @Override
    public synchronized List<OutboxRelay.Claim<InactiveNumberNotice>> claimDue(Instant now, Duration lease, int limit) {
        Instant at = micros(now);
        List<Stored> due = byId.values().stream()
                .filter(stored -> stored.isClaimableAt(at))
                .sorted(Comparator.comparing(Stored::dueAt).thenComparing(stored -> stored.notice().noticeId()))
                .limit(limit)
                .toList();
        List<OutboxRelay.Claim<InactiveNumberNotice>> claimed = new ArrayList<>();
        for (Stored stored : due) {
            Stored claim = new Stored(stored.notice(), stored.dueAt(), micros(now.plus(lease)), stored.attempts() + 1, null);
            byId.put(stored.notice().noticeId(), claim);
            claimed.add(new OutboxRelay.Claim<>(claim.notice(), claim.attempts()));
        }
        return claimed;
    }

    @Override
    public synchronized void markDelivered(UUID noticeId, Instant at) {
        byId.computeIfPresent(noticeId, (id, stored) -> stored.deliveredAt() != null ? stored
                : new Stored(stored.notice(), stored.dueAt(), null, stored.attempts(), micros(at)));
    }

    @Override
    public synchronized void retryLater(UUID noticeId, Instant dueAt) {
        byId.computeIfPresent(noticeId, (id, stored) -> stored.deliveredAt() != null ? stored
                : new Stored(stored.notice(), micros(dueAt), null, stored.attempts(), null));
    }

    /** Every stored notice, in the order stored. */
    public synchronized List<InactiveNumberNotice> all() {
        return byId.values().stream().map(Stored::notice).toList();
    }

    /** Whether the notice has been delivered. */
    public synchronized boolean isDelivered(UUID noticeId) {
        Stored stored = byId.get(noticeId);
        return stored != null && stored.deliveredAt() != null;
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
