package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.opencpis.application.organisation.port.out.MessagingMailboxes;
import org.opencpis.application.shared.port.out.Transactions;

/** The MessagingMailboxes kit passes the fake and fails a store that wipes the password on re-registration. */
class MessagingMailboxesContractTestCatchesBrokenMailboxesTest {

    @Test
    void theKitPassesTheFake() {
        assertEquals(List.of(), KitRun.of(InMemoryMessagingMailboxesTest.class).failed());
    }

    @Test
    void wipingThePasswordOnReRegistrationIsCaught() {
        assertEquals(List.of("provisioningWithoutAPasswordKeepsThePassword"), KitRun.of(PasswordWipingRun.class).failed());
    }

    static class PasswordWipingRun extends MessagingMailboxesContractTest {
        private final Map<String, String> passwords = new HashMap<>();
        /** Broken: a null password overwrites the one the mailbox had. */
        private final MessagingMailboxes wiping = passwords::put;

        @Override
        protected MessagingMailboxes mailboxes() {
            return wiping;
        }

        @Override
        protected Transactions transactions() {
            return new DirectTransactions();
        }

        @Override
        protected boolean canReceive(String mailboxId) {
            return passwords.containsKey(mailboxId);
        }

        @Override
        protected boolean signsIn(String mailboxId, String password) {
            return passwords.get(mailboxId) != null && Objects.equals(passwords.get(mailboxId), password);
        }
    }
}
