package org.opencpis.application.alert.port.in;

import org.opencpis.application.shared.outbox.MessageRelay;

/** The relay of Access to Service Notifications to the LAs' mailboxes. */
public interface DeliverNotificationsUseCase extends MessageRelay {
}
