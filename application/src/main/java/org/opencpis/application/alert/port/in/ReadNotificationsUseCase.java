package org.opencpis.application.alert.port.in;

import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.alert.AccessNotification;

/** A local authority's notification inbox: its own unacknowledged notifications, oldest first. Audited. */
public interface ReadNotificationsUseCase {
    Page<AccessNotification> unacknowledged(RequestContext context, PageRequest page);
}
