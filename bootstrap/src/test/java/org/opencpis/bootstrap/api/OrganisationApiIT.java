package org.opencpis.bootstrap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.ApiTestBase;
import org.opencpis.bootstrap.support.Tokens;

/** CONTRACT §5 over HTTP, and the operational endpoints. */
class OrganisationApiIT extends ApiTestBase {
    private static final String ISLINGTON = """
            {"name": "London Borough of Islington", "type": "LOCAL_AUTHORITY", "emergencyDutyPhone": "020 7226 0992",
             "officeHoursPhone": "020 7527 7400", "meshMailboxId": "X26OT001", "meshMailboxPassword": "pw-islington"}""";

    @Test
    void adminRegistersThenUpdatesAndAnyoneReadsWithoutThePassword() {
        assertEquals(201, api().put("/api/v1/organisations/706", Tokens.admin(), ISLINGTON).status());
        Api.Response updated = api().put("/api/v1/organisations/706", Tokens.admin(),
                ISLINGTON.replace("020 7527 7400", "020 7527 0000"));
        assertEquals(200, updated.status());

        for (String token : List.of(Tokens.la("707"), Tokens.staff("RXX", "B0107"), Tokens.staff("RXX"), Tokens.auditor())) {
            Api.Response read = api().get("/api/v1/organisations/706", token);
            assertEquals(200, read.status(), read.toString());
            Map<String, Object> body = read.json();
            assertEquals("London Borough of Islington", body.get("name"));
            assertEquals("020 7527 0000", body.get("officeHoursPhone"));
            assertEquals("X26OT001", body.get("meshMailboxId"));
            assertFalse(read.body().contains("pw-islington"));
            assertFalse(body.containsKey("meshMailboxPassword"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "LA without emergency phone|706|{\"name\":\"LB\",\"type\":\"LOCAL_AUTHORITY\"}|MISSING_FIELD",
            "unknown type|706|{\"name\":\"LB\",\"type\":\"COUNCIL\",\"emergencyDutyPhone\":\"0123456789\"}|INVALID_ORGANISATION_TYPE",
            "bad phone|706|{\"name\":\"LB\",\"type\":\"LOCAL_AUTHORITY\",\"emergencyDutyPhone\":\"call us\"}|INVALID_PHONE",
            "bad ODS code|not-ods|{\"name\":\"LB\",\"type\":\"NHS_ORGANISATION\"}|INVALID_ODS_CODE",
            "missing name|RXX|{\"type\":\"NHS_ORGANISATION\"}|MISSING_FIELD",
            "malformed JSON|RXX|{\"name\": |MALFORMED_REQUEST",
    })
    void badInputIs400(String name, String ods, String body, String code) {
        Api.Response response = api().put("/api/v1/organisations/" + ods, Tokens.admin(), body);
        assertEquals(400, response.status(), response.toString());
        assertEquals(code, response.json().get("code"));
    }

    @Test
    void unknownOrganisationIs404() {
        Api.Response response = api().get("/api/v1/organisations/Q99", Tokens.la("706"));
        assertEquals(404, response.status());
        assertEquals("NOT_FOUND", response.json().get("code"));
        assertEquals(400, api().get("/api/v1/organisations/bad-code", Tokens.la("706")).status());
    }

    @Test
    void onlyAdminRegisters() {
        for (String token : List.of(Tokens.la("706"), Tokens.auditor(), Tokens.staff("RXX", "B0107", "B0170"))) {
            Api.Response response = api().put("/api/v1/organisations/706", token, ISLINGTON);
            assertEquals(403, response.status(), response.toString());
            assertEquals("FORBIDDEN", response.json().get("code"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"none", "expired", "wrong key", "alg none"})
    void badTokensAre401(String kind) {
        String token = switch (kind) {
            case "none" -> null;
            case "expired" -> Tokens.expiredLa("706");
            case "wrong key" -> Tokens.wrongKeyLa("706");
            default -> Tokens.unsignedLa("706");
        };
        assertEquals(401, api().get("/api/v1/organisations/706", token).status());
        assertEquals(401, api().put("/api/v1/organisations/706", token, ISLINGTON).status());
    }

    @Test
    void healthNeedsNoTokenAndReportsTheDatabase() {
        Api.Response health = api().get("/health", null);
        assertEquals(200, health.status(), health.toString());
        assertEquals(Map.of("status", "UP"), health.json());
    }

    @Test
    void openApiDescriptionAndUiAreServed() {
        Api.Response description = api().get("/openapi/opencpis-0.1.yml", null);
        assertEquals(200, description.status(), description.toString());
        org.junit.jupiter.api.Assertions.assertTrue(description.body().contains("/api/v1/plans/{nhsNumber}/{planType}"));
        Api.Response ui = api().get("/openapi-ui/index.html", null);
        assertEquals(200, ui.status());
        org.junit.jupiter.api.Assertions.assertTrue(ui.body().contains("<script src=\"/openapi-ui/start.js\">"), ui.body());
        Api.Response start = api().get("/openapi-ui/start.js", null);
        assertEquals(200, start.status());
        org.junit.jupiter.api.Assertions.assertTrue(start.body().contains("SwaggerUIBundle"), start.body());
        assertEquals(200, api().get("/openapi-assets/swagger-ui-bundle.js", null).status());
    }

    @Test
    void unknownRoutesAreProblems() {
        Api.Response response = api().get("/api/v1/nothing-here", Tokens.la("706"));
        assertEquals(404, response.status(), response.toString());
        assertEquals("NOT_FOUND", response.json().get("code"));
        Api.Response anonymous = api().get("/api/v1/nothing-here", null);
        assertEquals(404, anonymous.status(), anonymous.toString());
        assertEquals(401, api().get("/api/v1/plans", null).status(), "a real route still needs a token");
    }
}
