package org.opencpis.application.testing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.opencpis.application.organisation.port.out.MessagingMailboxes;

/**
 * Mailboxes in a map: id to password. A null password creates the mailbox without one, or keeps
 * the password it has, as the MESH stub does. Passes {@link MessagingMailboxesContractTest}.
 */
public final class InMemoryMessagingMailboxes implements MessagingMailboxes {
    private final Set<String> mailboxes = new HashSet<>();
    private final Map<String, String> passwords = new HashMap<>();

    @Override
    public synchronized void provision(String mailboxId, String password) {
        mailboxes.add(mailboxId);
        if (password != null) {
            passwords.put(mailboxId, password);
        }
    }

    /** The mailboxes with a password, id to password. */
    public synchronized Map<String, String> passwords() {
        return Map.copyOf(passwords);
    }

    /** Whether the mailbox was provisioned, with or without a password. */
    public synchronized boolean exists(String mailboxId) {
        return mailboxes.contains(mailboxId);
    }

    /** Whether the mailbox has this password. */
    public synchronized boolean hasPassword(String mailboxId, String password) {
        return passwords.containsKey(mailboxId) && Objects.equals(passwords.get(mailboxId), password);
    }
}
