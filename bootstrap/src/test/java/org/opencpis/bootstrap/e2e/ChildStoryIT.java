package org.opencpis.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
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
 * A child's story across the whole service and its MESH stub: the LA uploads the child's plan over
 * MESH and receives the acknowledgement in its mailbox; a clinician in A&E queries; the LA collects
 * the Access to Service Notification from its mailbox and acknowledges it.
 */
class ChildStoryIT {
    private static final String CHILD = "9434765919";

    @Test
    void uploadOverMeshQueryAndNotificationCollected(@TempDir Path dataDir) throws IOException {
        Map<String, Object> fast = Map.of("opencpis.relay.interval", "200ms", "opencpis.relay.initial-delay", "0s",
                "opencpis.mesh.inbound.interval", "300ms", "opencpis.mesh.inbound.initial-delay", "0s",
                "opencpis.uploads.processing.interval", "300ms");
        try (OpenCpisApplication.Running service = new TestStartup(dataDir).start(fast)) {
            Api api = new Api(service.context().getBean(EmbeddedServer.class).getURI());
            assertEquals(201, api.put("/api/v1/organisations/706", Tokens.admin(), """
                    {"name": "London Borough of Islington", "type": "LOCAL_AUTHORITY", "emergencyDutyPhone": "020 7226 0992",
                     "officeHoursPhone": "020 7527 7400", "meshMailboxId": "X26OT706", "meshMailboxPassword": "la-secret"}""")
                    .status());
            MeshClient la = new MeshClient(() -> service.context().getBean(EmbeddedServer.class).getURI(),
                    new MeshCredentials("X26OT706", "la-secret", "TestKey"), Clock.systemUTC(), RetryPolicy.standard());

            la.send("OPENCPIS", "CPIS_UPLOAD", "story-1", """
                    {"sequenceNumber": 1, "records": [{"nhsNumber": "%s", "planType": "CPP", "startDate": "2026-01-10",
                     "familyName": "Test", "givenNames": ["Child"], "dateOfBirth": "2015-03-01"}]}""".formatted(CHILD)
                    .getBytes(StandardCharsets.UTF_8));

            Map<String, Object> acknowledgement = LaMailbox.collect(la, "CPIS_UPLOAD_ACK");
            assertEquals("CPF02", acknowledgement.get("fileStatus"));
            assertEquals(1, ((Number) acknowledgement.get("sequenceNumber")).intValue());

            Api.Response query = api.send("GET", "/FHIR/R4/CareTeam?patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + CHILD,
                    Tokens.staff("RXX", "B0107"), null, Map.of("X-Request-ID", UUID.randomUUID().toString()));
            assertEquals(200, query.status(), query.toString());
            Bundle bundle = FhirContext.forR4().newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                    .parseResource(Bundle.class, query.body());
            assertEquals(1, bundle.getTotal());

            Map<String, Object> notification = LaMailbox.collect(la, "CPIS_ASN");
            assertEquals(CHILD, notification.get("nhsNumber"));
            assertEquals("CPP", notification.get("planType"));
            assertEquals("RXX", ((Map<?, ?>) notification.get("organisation")).get("odsCode"));
            assertTrue(la.inbox().isEmpty(), "collected messages are acknowledged and gone");

            Api.Response inbox = api.get("/api/v1/notifications", Tokens.la("706"));
            assertEquals(List.of(notification.get("notificationId")), inbox.items().stream().map(i -> i.get("notificationId")).toList());
            assertEquals(200, api.post("/api/v1/notifications/acknowledgements", Tokens.la("706"),
                    "{\"ids\": [\"" + notification.get("notificationId") + "\"]}").status());
            assertEquals(List.of(), api.get("/api/v1/notifications", Tokens.la("706")).items());
        }
    }
}
