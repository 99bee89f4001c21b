package org.opencpis.application.testing;

import java.util.HashMap;
import java.util.Map;
import org.opencpis.application.organisation.port.out.MessagingMailboxes;

/** Mailboxes in a map: id to password. */
public final class InMemoryMessagingMailboxes implements MessagingMailboxes {
    private final Map<String, String> passwords = new HashMap<>();

    @Override
    public synchronized void provision(String mailboxId, String password) {
        passwords.put(mailboxId, password);
    }

    public synchronized Map<String, String> passwords() {
        return Map.copyOf(passwords);
    }
}
