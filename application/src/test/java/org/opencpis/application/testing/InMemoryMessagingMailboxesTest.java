package org.opencpis.application.testing;

import org.opencpis.application.organisation.port.out.MessagingMailboxes;
import org.opencpis.application.shared.port.out.Transactions;

class InMemoryMessagingMailboxesTest extends MessagingMailboxesContractTest {
    private final InMemoryMessagingMailboxes mailboxes = new InMemoryMessagingMailboxes();

    @Override
    protected MessagingMailboxes mailboxes() {
        return mailboxes;
    }

    @Override
    protected Transactions transactions() {
        return new DirectTransactions();
    }

    @Override
    protected boolean canReceive(String mailboxId) {
        return mailboxes.exists(mailboxId);
    }

    @Override
    protected boolean signsIn(String mailboxId, String password) {
        return mailboxes.hasPassword(mailboxId, password);
    }
}
