package org.opencpis.bootstrap.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.bootstrap.upload.UploadCalls.accepted;
import static org.opencpis.bootstrap.upload.UploadCalls.acknowledgement;
import static org.opencpis.bootstrap.upload.UploadCalls.jsonFile;
import static org.opencpis.bootstrap.upload.UploadCalls.jsonRecord;
import static org.opencpis.bootstrap.upload.UploadCalls.postJson;
import static org.opencpis.bootstrap.upload.UploadCalls.statuses;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.spine.pds.fhir.PdsFhirDemographics;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.ApiTestBase;
import org.opencpis.bootstrap.support.Tokens;

/**
 * The whole service in {@code opencpis.pds.mode=fhir} with PDS down (nothing listens at the PDS
 * URL): nothing is taken as verified. A PUT is 503 {@code PDS_UNAVAILABLE} and stores nothing; an
 * upload is answered CPF05 (resubmit the file) with no record loaded.
 */
class PdsUnavailableIT extends ApiTestBase {
    private static final String ISLINGTON = "706";
    private static final String CHILD = "9990001006";

    @Inject
    Demographics demographics;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("opencpis.pds.mode", "fhir");
        properties.put("opencpis.pds.fhir.url", "http://127.0.0.1:" + unusedPort() + "/personal-demographics/FHIR/R4");
        properties.put("opencpis.pds.fhir.token", "test-token");
        properties.put("opencpis.pds.fhir.max-attempts", "2");
        properties.put("opencpis.pds.fhir.retry-backoff", "10ms");
        properties.put("opencpis.pds.fhir.connect-timeout", "1s");
        properties.put("opencpis.uploads.processing.interval", "100ms");
        properties.put("opencpis.uploads.processing.initial-delay", "100ms");
        properties.put("opencpis.messaging.transport", "in-process");
        return properties;
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void registerLocalAuthority() {
        registerLa(ISLINGTON, "London Borough of Islington");
    }

    @Test
    void theServiceRunsOnTheFhirAdapter() {
        assertTrue(demographics instanceof PdsFhirDemographics, () -> "Demographics is " + demographics.getClass());
    }

    @Test
    void aPlanIsRefusedWith503AndNothingIsStored() {
        Api.Response response = api().put("/api/v1/plans/" + CHILD + "/CPP", Tokens.la(ISLINGTON), """
                {"startDate": "2026-01-10", "familyName": "Smith", "givenNames": ["Alice"], "dateOfBirth": "2015-03-01"}
                """);

        assertEquals(503, response.status(), response.toString());
        assertEquals("PDS_UNAVAILABLE", response.json().get("code"), response.toString());
        assertEquals(404, api().get("/api/v1/plans/" + CHILD + "/CPP", Tokens.la(ISLINGTON)).status());
    }

    @Test
    void anUploadIsAnsweredCpf05WithNothingLoaded() {
        String location = accepted(postJson(api(), Tokens.la(ISLINGTON), jsonFile(1,
                jsonRecord("9990001014", "CPP", "Jones", "Ben", "2018-07-12", ""),
                jsonRecord("9990001022", "LAC", "Brown", "Carla", "2017-01-05", "\"lacLegalStatus\": \"S20\""))));

        Map<String, Object> answer = acknowledgement(api(), Tokens.la(ISLINGTON), location).json();

        assertEquals("CPF05", answer.get("fileStatus"), answer::toString);
        assertEquals(0, ((Number) answer.get("loaded")).intValue(), answer::toString);
        assertEquals(List.of("CPR07", "CPR07"), statuses(answer), answer::toString);
        assertEquals(404, api().get("/api/v1/plans/9990001014/CPP", Tokens.la(ISLINGTON)).status());
    }
}
