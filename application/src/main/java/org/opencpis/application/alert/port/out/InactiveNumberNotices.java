package org.opencpis.application.alert.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencpis.application.shared.outbox.OutboxRelay;
import org.opencpis.domain.alert.InactiveNumberNotice;

/**
 * The outbox of Inactive NHS Number Notifications. Every method joins the caller's transaction. A
 * stored notice is due at once; claims work as {@link AccessNotifications#claimDue}'s do.
 */
public interface InactiveNumberNotices {

    /**
     * Stores the notice unless one for the same LA, number and replacement is already stored.
     *
     * @return whether it was stored
     */
    boolean storeIfNew(InactiveNumberNotice notice);

    /** Claims up to {@code limit} undelivered notices due at {@code now}, oldest first, for {@code lease}. */
    List<OutboxRelay.Claim<InactiveNumberNotice>> claimDue(Instant now, Duration lease, int limit);

    void markDelivered(UUID noticeId, Instant at);

    /** Releases the claim and makes the notice due again at {@code dueAt}. */
    void retryLater(UUID noticeId, Instant dueAt);
}
