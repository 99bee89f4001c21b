package org.opencpis.application.organisation.port.out;

/**
 * The Spine messaging mailboxes of registered organisations. With the built-in MESH stub, a
 * registration creates or updates the organisation's mailbox in the same transaction; with a real
 * MESH server, mailboxes are issued nationally and this does nothing.
 */
public interface MessagingMailboxes {
    void provision(String mailboxId, String password);
}
