package org.opencpis.application.alert.port.in;

import java.util.Set;
import java.util.UUID;
import org.opencpis.application.shared.RequestContext;

/**
 * Bulk acknowledgement by a local authority. Idempotent: acknowledging again changes nothing.
 * Ids of other LAs' notifications, or unknown ids, are ignored without saying which they were.
 */
public interface AcknowledgeNotificationsUseCase {
    int MAX_IDS = 1000;

    /** @return how many of the ids were the LA's own and not yet acknowledged */
    int acknowledge(RequestContext context, Set<UUID> notificationIds);
}
