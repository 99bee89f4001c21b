package org.opencpis.application.shared.outbox;

/**
 * One outbox's relay: hands the messages due now to Spine messaging, outside any database
 * transaction. Safe to run on several instances at once: each message is claimed by one of them.
 */
public interface MessageRelay {
    /** @return how many messages were delivered in this pass */
    int deliverDue();
}
