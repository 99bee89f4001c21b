package org.opencpis.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencpis.adapters.spine.mesh.client.MeshClient;
import org.opencpis.adapters.spine.mesh.client.MeshCredentials;
import org.opencpis.adapters.spine.mesh.client.RetryPolicy;
import org.opencpis.bootstrap.OpenCpisApplication;
import org.opencpis.bootstrap.TestStartup;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.LaMailbox;
import org.opencpis.bootstrap.support.Tokens;

/**
 * PDS supersedes a number an LA holds records under: the LA finds a {@code CPIS_INACTIVE_NHS_NUMBER}
 * message in its MESH mailbox naming the new number and its records, exactly once however often
 * PDS reports it; the PDS stub answers CPR05 for the old number from then on.
 */
class InactiveNumberIT {
    private static final String CHILD = "9434765919";
    private static final String NEW_NUMBER = "9434765927";
    private static final String SUPERSESSIONS = "/pds-stub/supersessions";

    @Test
    void theLocalAuthorityHoldingTheNumberIsToldOnce(@TempDir Path dataDir) throws IOException {
        Map<String, Object> fast = Map.of("opencpis.relay.interval", "200ms", "opencpis.relay.initial-delay", "0s");
        try (OpenCpisApplication.Running service = new TestStartup(dataDir).start(fast)) {
            Api api = new Api(service.context().getBean(EmbeddedServer.class).getURI());
            assertEquals(201, api.put("/api/v1/organisations/706", Tokens.admin(), """
                    {"name": "London Borough of Islington", "type": "LOCAL_AUTHORITY", "emergencyDutyPhone": "020 7226 0992",
                     "meshMailboxId": "X26OT706", "meshMailboxPassword": "la-secret"}""").status());
            String plan = """
                    {"startDate": "2026-01-10", "familyName": "Test", "givenNames": ["Child"], "dateOfBirth": "2015-03-01",
                     "localId": "ISL-0042"}""";
            assertEquals(201, api.put("/api/v1/plans/" + CHILD + "/CPP", Tokens.la("706"), plan).status());
            MeshClient la = new MeshClient(() -> service.context().getBean(EmbeddedServer.class).getURI(),
                    new MeshCredentials("X26OT706", "la-secret", "TestKey"), Clock.systemUTC(), RetryPolicy.standard());

            String supersession = "{\"nhsNumber\": \"" + CHILD + "\", \"supersededBy\": \"" + NEW_NUMBER + "\"}";
            assertEquals(202, api.post(SUPERSESSIONS, Tokens.admin(), supersession).status());
            assertEquals(202, api.post(SUPERSESSIONS, Tokens.admin(), supersession).status());

            Map<String, Object> notice = LaMailbox.collect(la, "CPIS_INACTIVE_NHS_NUMBER");
            assertEquals(CHILD, notice.get("nhsNumber"));
            assertEquals(NEW_NUMBER, notice.get("supersededBy"));
            assertEquals(List.of(Map.of("planType", "CPP", "localId", "ISL-0042")), notice.get("records"));
            assertEquals(1, api.get("/api/v1/audit?nhsNumber=" + CHILD, Tokens.auditor()).items().stream()
                    .filter(entry -> "INACTIVE_NUMBER_NOTICE".equals(entry.get("action"))).count(), "queued once, audited once");

            Api.Response again = api.put("/api/v1/plans/" + CHILD + "/CPP", Tokens.la("706"), plan);
            assertEquals(422, again.status(), again.toString());
            assertEquals("CPR05", again.json().get("code"));
        }
    }

    @Test
    void onlyAnAdministratorDrivesThePdsStub(@TempDir Path dataDir) {
        try (OpenCpisApplication.Running service = new TestStartup(dataDir).start(Map.of())) {
            Api api = new Api(service.context().getBean(EmbeddedServer.class).getURI());
            String supersession = "{\"nhsNumber\": \"" + CHILD + "\", \"supersededBy\": \"" + NEW_NUMBER + "\"}";
            assertEquals(401, api.post(SUPERSESSIONS, null, supersession).status());
            assertEquals(401, api.post(SUPERSESSIONS, Tokens.unsignedLa("706"), supersession).status());
            assertEquals(403, api.post(SUPERSESSIONS, Tokens.la("706"), supersession).status());
            assertEquals(403, api.post(SUPERSESSIONS, Tokens.auditor(), supersession).status());
            assertEquals(403, api.post(SUPERSESSIONS, Tokens.staff("RXX", "B0107", "B0170"), supersession).status());

            Api.Response invalid = api.post(SUPERSESSIONS, Tokens.admin(), "{\"nhsNumber\": \"1234567890\", \"supersededBy\": \"" + NEW_NUMBER + "\"}");
            assertEquals(400, invalid.status(), invalid.toString());
            assertEquals("INVALID_NHS_NUMBER", invalid.json().get("code"));
            Api.Response itself = api.post(SUPERSESSIONS, Tokens.admin(), "{\"nhsNumber\": \"" + CHILD + "\", \"supersededBy\": \"" + CHILD + "\"}");
            assertEquals(400, itself.status(), itself.toString());
            assertEquals("INVALID_SUPERSESSION", itself.json().get("code"));
            assertEquals(400, api.post(SUPERSESSIONS, Tokens.admin(), "{\"nhsNumber\": ").status());
            assertEquals(202, api.post(SUPERSESSIONS, Tokens.admin(), supersession).status());
            assertTrue(api.get("/api/v1/audit?nhsNumber=" + CHILD, Tokens.auditor()).items().stream()
                    .noneMatch(entry -> "INACTIVE_NUMBER_NOTICE".equals(entry.get("action"))), "nobody holds the number: no notice");
        }
    }
}
