package org.opencpis.adapters.spine.mesh.stub;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.opencpis.application.organisation.port.out.MessagingMailboxes;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.testing.MessagingMailboxesContractTest;

/**
 * The MESH stub's mailboxes pass the MessagingMailboxes kit, observed the way a MESH client sees
 * them, over HTTP with {@code NHSMESH} authentication: a mailbox can receive when OpenCPIS's own
 * mailbox can send to it (202), and its owner signs in when listing its inbox answers 200.
 */
class MeshStubMailboxesIT extends MessagingMailboxesContractTest {
    private static MeshStubTestServer server;

    @BeforeAll
    static void startStub() {
        server = new MeshStubTestServer(Map.of());
    }

    @AfterAll
    static void stopStub() {
        server.close();
    }

    @Override
    protected MessagingMailboxes mailboxes() {
        return server.context().getBean(MessagingMailboxes.class);
    }

    @Override
    protected Transactions transactions() {
        return server.context().getBean(Transactions.class);
    }

    @Override
    protected boolean canReceive(String mailboxId) {
        return server.client().call("POST", "/messageexchange/OPENCPIS/outbox", "OPENCPIS", "password",
                Map.of("mex-To", mailboxId, "mex-WorkflowID", "CPIS_ASN"), "{}".getBytes(StandardCharsets.UTF_8)).status() == 202;
    }

    @Override
    protected boolean signsIn(String mailboxId, String password) {
        return server.client().get("/messageexchange/" + mailboxId + "/inbox", mailboxId, password).status() == 200;
    }
}
