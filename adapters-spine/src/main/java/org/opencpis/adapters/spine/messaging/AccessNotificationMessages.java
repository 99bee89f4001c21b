package org.opencpis.adapters.spine.messaging;

import org.opencpis.domain.alert.AccessEvent;
import org.opencpis.domain.alert.AccessNotification;

/** Maps a notification to its message body. */
public final class AccessNotificationMessages {
    /** The MESH workflow of an Access to Service Notification. */
    public static final String WORKFLOW = "CPIS_ASN";

    private AccessNotificationMessages() {
    }

    public static AccessNotificationMessage toMessage(AccessNotification notification) {
        AccessEvent access = notification.access();
        return new AccessNotificationMessage(notification.notificationId(), access.nhsNumber().value(),
                notification.planType().name(), access.accessedAt().toString(),
                new AccessNotificationMessage.AccessedBy(access.accessedBy().subject(), access.accessedBy().roleProfileId(),
                        access.accessedBy().role()),
                new AccessNotificationMessage.Organisation(access.accessedBy().organisation().value(), access.organisationName()));
    }
}
