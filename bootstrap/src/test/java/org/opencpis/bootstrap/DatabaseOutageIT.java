package org.opencpis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.Tokens;

/** With the database gone, the service says so: 503 with Retry-After, in the caller's error dialect, never a 500. */
class DatabaseOutageIT {

    @Test
    void aLostDatabaseIs503AndHealthReportsIt(@TempDir Path dataDir) {
        try (OpenCpisApplication.Running running = new TestStartup(dataDir).start(Map.of("datasources.default.connection-timeout", "1000"))) {
            Api api = new Api(running.context().getBean(EmbeddedServer.class).getURI());
            assertEquals(200, api.get("/health", null).status());

            running.database().orElseThrow().close();

            Api.Response plans = api.get("/api/v1/plans", Tokens.la("706"));
            assertEquals(503, plans.status(), plans.toString());
            assertEquals("SERVICE_UNAVAILABLE", plans.json().get("code"));
            assertEquals("5", plans.header("Retry-After"));

            Api.Response fhir = api.send("GET", "/FHIR/R4/CareTeam?patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C9434765919",
                    Tokens.staff("RXX", "B0107"), null, Map.of("X-Request-ID", UUID.randomUUID().toString()));
            assertEquals(503, fhir.status(), fhir.toString());
            OperationOutcome outcome = FhirContext.forR4().newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                    .parseResource(OperationOutcome.class, fhir.body());
            assertEquals("UNABLE_TO_CALL_SERVICE", outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode());

            Api.Response health = api.get("/health", null);
            assertEquals(503, health.status(), health.toString());
            assertTrue(health.body().contains("DOWN"));
        }
    }
}
