package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencpis.application.organisation.port.out.MessagingMailboxes;
import org.opencpis.application.shared.port.out.Transactions;

/**
 * What every {@link MessagingMailboxes} that keeps mailboxes itself (the MESH stub, the fake) must
 * do when an organisation is registered: create the mailbox, so that it can receive at once; let
 * its owner sign in with the password given; take a new password in place of the old; keep the
 * password when a re-registration gives none (the password is write-only, so an update need not
 * repeat it); and keep mailboxes apart. Provisioning runs in the registration's transaction.
 *
 * <p>The national-MESH adapter does nothing by design (mailboxes are issued nationally) and so does
 * not run this kit.
 */
public abstract class MessagingMailboxesContractTest {

    protected abstract MessagingMailboxes mailboxes();

    protected abstract Transactions transactions();

    /** Whether messages can be delivered to the mailbox now. */
    protected abstract boolean canReceive(String mailboxId);

    /** Whether the mailbox's owner can sign in with this password. */
    protected abstract boolean signsIn(String mailboxId, String password);

    /** A mailbox id no test has used (mailbox ids are upper-case letters and digits). */
    protected static String newMailboxId() {
        return "MB" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private void provision(String mailboxId, String password) {
        transactions().run(() -> mailboxes().provision(mailboxId, password));
    }

    @Test
    void aProvisionedMailboxReceivesAndItsOwnerSignsIn() {
        String mailbox = newMailboxId();

        provision(mailbox, "first-password");

        assertTrue(canReceive(mailbox));
        assertTrue(signsIn(mailbox, "first-password"));
        assertFalse(signsIn(mailbox, "wrong-password"));
    }

    @Test
    void aMailboxNobodyProvisionedDoesNotExist() {
        String mailbox = newMailboxId();

        assertFalse(canReceive(mailbox));
        assertFalse(signsIn(mailbox, "any"));
    }

    @Test
    void aNewPasswordReplacesTheOld() {
        String mailbox = newMailboxId();
        provision(mailbox, "first-password");

        provision(mailbox, "second-password");

        assertTrue(signsIn(mailbox, "second-password"));
        assertFalse(signsIn(mailbox, "first-password"));
    }

    @Test
    void provisioningWithoutAPasswordKeepsThePassword() {
        String mailbox = newMailboxId();
        provision(mailbox, "first-password");

        provision(mailbox, null);

        assertTrue(signsIn(mailbox, "first-password"));
        assertTrue(canReceive(mailbox));
    }

    @Test
    void aMailboxWithoutAPasswordReceivesButNobodySignsIn() {
        String mailbox = newMailboxId();

        provision(mailbox, null);

        assertTrue(canReceive(mailbox));
        assertFalse(signsIn(mailbox, "null"));
        assertFalse(signsIn(mailbox, ""));
    }

    @Test
    void provisioningTwiceIsHarmless() {
        String mailbox = newMailboxId();

        provision(mailbox, "first-password");
        provision(mailbox, "first-password");

        assertTrue(signsIn(mailbox, "first-password"));
    }

    @Test
    void mailboxesAreKeptApart() {
        String first = newMailboxId();
        String second = newMailboxId();

        provision(first, "first-password");
        provision(second, "second-password");

        assertTrue(signsIn(first, "first-password"));
        assertFalse(signsIn(first, "second-password"));
        assertFalse(signsIn(second, "first-password"));
    }
}
