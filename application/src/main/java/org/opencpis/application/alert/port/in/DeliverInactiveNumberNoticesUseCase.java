package org.opencpis.application.alert.port.in;

import org.opencpis.application.shared.outbox.MessageRelay;

/** The relay of Inactive NHS Number Notifications to the LAs' mailboxes (workflow {@code CPIS_INACTIVE_NHS_NUMBER}). */
public interface DeliverInactiveNumberNoticesUseCase extends MessageRelay {
}
