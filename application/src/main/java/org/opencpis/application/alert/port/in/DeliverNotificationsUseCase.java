package org.opencpis.application.alert.port.in;

/**
 * The outbox relay: hands due notifications to Spine messaging, outside any database transaction.
 * Safe to run on several instances at once: each notification is claimed by one of them.
 */
public interface DeliverNotificationsUseCase {
    /** @return how many notifications were delivered in this pass */
    int deliverDue();
}
