package org.opencpis.adapters.spine.mesh.stub;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.opencpis.adapters.spine.mesh.client.MeshClient;
import org.opencpis.adapters.spine.mesh.client.MeshCredentials;
import org.opencpis.adapters.spine.mesh.client.RetryPolicy;
import org.opencpis.adapters.spine.messaging.MeshSpineMessaging;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.application.testing.SpineMessagingOutageContractTest;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.shared.OdsCode;

/**
 * {@link MeshSpineMessaging} passes the SpineMessaging kit over the real MESH stub: messages go
 * over HTTP through {@link MeshClient} from OpenCPIS's mailbox, and each recipient reads its own
 * inbox as a MESH client would ({@code NHSMESH}-signed inbox list and download, the workflow and
 * local id from the {@code mex-*} headers). Unreachable: the same adapter with a MESH client
 * pointed at a port nobody listens on.
 */
class MeshSpineMessagingIT extends SpineMessagingOutageContractTest {
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
    protected SpineMessaging messaging() {
        return server.context().getBean(MeshSpineMessaging.class);
    }

    @Override
    protected SpineMessaging unreachableMessaging() {
        URI nobodyListening;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListening = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        MeshClient client = new MeshClient(() -> nobodyListening, new MeshCredentials("OPENCPIS", "password", MeshStubTestServer.SHARED_KEY),
                Clock.systemUTC(), new RetryPolicy(2, Duration.ofMillis(10), Duration.ofSeconds(2), 1024 * 1024));
        return new MeshSpineMessaging(client, JsonMapper.createDefault());
    }

    @Override
    protected Organisation reachableRecipient() {
        String mailbox = "LA" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        server.mailbox(mailbox, "pw-" + mailbox);
        Organisation la = TestData.localAuthority(new OdsCode("706"));
        return new Organisation(la.odsCode(), la.name(), la.type(), la.emergencyDutyPhone(), la.officeHoursPhone(), mailbox,
                "pw-" + mailbox);
    }

    @Override
    protected List<Received> receivedBy(Organisation recipient) {
        String mailbox = recipient.meshMailboxId();
        String password = "pw-" + mailbox;
        TestMeshClient client = server.client();
        return client.get("/messageexchange/" + mailbox + "/inbox", mailbox, password).messages().stream()
                .map(id -> client.get("/messageexchange/" + mailbox + "/inbox/" + id, mailbox, password))
                .map(download -> new Received(download.header("mex-WorkflowID"), download.header("mex-LocalID"), download.text()))
                .toList();
    }
}
