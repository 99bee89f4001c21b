package org.opencpis.adapters.spine.mesh.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.spine.messaging.NationalMeshMailboxes;
import org.opencpis.application.organisation.port.out.MessagingMailboxes;
import org.opencpis.application.shared.port.out.Transactions;

/** The stub is on unless a real MESH server is configured, and then it provisions the mailboxes registrations name. */
class MeshStubSwitchIT {

    @Test
    void aConfiguredMeshServerSwitchesTheStubOff() {
        try (MeshStubTestServer server = new MeshStubTestServer(Map.of("opencpis.mesh.url", "https://mesh.example.invalid"))) {
            assertFalse(server.context().containsBean(MeshStubServer.class));
            assertFalse(server.context().containsBean(MeshStubExpiry.class));
            assertInstanceOf(NationalMeshMailboxes.class, server.context().getBean(MessagingMailboxes.class));
            TestMeshClient.Response response = server.client().get("/messageexchange/OPENCPIS/inbox", "OPENCPIS", "password");
            assertEquals(404, response.status());
            assertFalse(response.text().contains("No such MESH endpoint"), "no stub route answers");
        }
    }

    @Test
    void withTheStubOnRegistrationsProvisionItsMailboxes() {
        try (MeshStubTestServer server = new MeshStubTestServer(Map.of())) {
            MessagingMailboxes mailboxes = server.context().getBean(MessagingMailboxes.class);
            assertInstanceOf(MeshStubMailboxes.class, mailboxes);
            Transactions transactions = server.context().getBean(Transactions.class);
            TestMeshClient client = server.client();

            transactions.run(() -> mailboxes.provision("la706mb", null));
            assertEquals(403, client.get("/messageexchange/LA706MB/inbox", "LA706MB", "anything").status(),
                    "a mailbox without a password cannot be signed in to");
            assertEquals(202, client.call("POST", "/messageexchange/OPENCPIS/outbox", "OPENCPIS", "password",
                    Map.of("mex-To", "LA706MB", "mex-WorkflowID", "CPIS_ASN"), "x".getBytes()).status(), "but it can receive");

            transactions.run(() -> mailboxes.provision("la706mb", "first"));
            assertEquals(1, client.get("/messageexchange/LA706MB/inbox", "LA706MB", "first").messages().size());
            transactions.run(() -> mailboxes.provision("LA706MB", null));
            assertEquals(200, client.get("/messageexchange/LA706MB/inbox", "LA706MB", "first").status(),
                    "re-registering without a password keeps the password");
            transactions.run(() -> mailboxes.provision("LA706MB", "second"));
            assertEquals(403, client.get("/messageexchange/LA706MB/inbox", "LA706MB", "first").status());
            assertEquals(200, client.get("/messageexchange/LA706MB/inbox", "LA706MB", "second").status());

            assertTrue(server.context().containsBean(MeshStubServer.class));
        }
    }
}
