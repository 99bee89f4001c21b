package org.opencpis.bootstrap.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.ApiTestBase;
import org.opencpis.bootstrap.support.Fhir;
import org.opencpis.bootstrap.support.Tokens;

/**
 * The per-user limit on the CP-IS query ({@code opencpis.query.rate-limit.per-minute}, here 3):
 * CareTeam and AuditEvent searches share one bucket per {@code sub}; over the limit the answer is
 * 429, an OperationOutcome with {@code Retry-After}, and nothing is queried, audited or notified.
 * Other users and the JSON API are not affected.
 */
class QueryRateLimitIT extends ApiTestBase {
    private static final String LA = "895";
    private static final String TRUST = "R1Q";
    private static final String ALICE = "9990001006";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("opencpis.query.rate-limit.per-minute", "3");
        return properties;
    }

    @BeforeAll
    void setUp() {
        registerLa(LA, "Rate Borough");
        assertEquals(201, api().put("/api/v1/plans/" + ALICE + "/CPP", Tokens.la(LA), """
                {"startDate": "2024-01-10", "familyName": "Smith", "givenNames": ["Alice"], "dateOfBirth": "2015-03-01"}""")
                .status());
    }

    @Test
    void aUserOverTheLimitIsToldToWaitAndNothingHappens() {
        String clinician = Fhir.staff("busy-clinician", TRUST, "B0107");
        Fhir.searchset(Fhir.get(api(), Fhir.careTeamSearch(ALICE), clinician));
        Fhir.searchset(Fhir.get(api(), Fhir.auditEventSearch(ALICE), clinician));
        Fhir.searchset(Fhir.get(api(), Fhir.careTeamSearch(ALICE), clinician));
        long auditEntries = auditEntries();
        assertEquals(3, auditEntries, "each query is audited");
        int notifications = inbox().size();

        for (String search : List.of(Fhir.careTeamSearch(ALICE), Fhir.auditEventSearch(ALICE))) {
            Api.Response refused = Fhir.get(api(), search, clinician);
            assertEquals(429, refused.status(), refused.toString());
            OperationOutcome outcome = Fhir.parse(refused, OperationOutcome.class);
            assertEquals(1, outcome.getIssue().size());
            assertEquals(Fhir.SPINE_ERROR_SYSTEM, outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getSystem());
            assertEquals("TOO_MANY_REQUESTS", outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode());
            assertEquals("throttled", outcome.getIssueFirstRep().getCode().toCode(), "the FHIR issue type of a 429");
            assertTrue(outcome.getIssueFirstRep().getDiagnostics().startsWith("Too many queries"), refused.toString());
            int retryAfter = Integer.parseInt(refused.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 20, "a token comes back every 20 seconds: " + retryAfter);
            assertTrue(refused.header("X-Request-ID") != null && "no-store".equals(refused.header("Cache-Control")));
        }
        assertEquals(auditEntries, auditEntries(), "a refused query is not run, so not audited");
        assertEquals(notifications, inbox().size(), "and notifies no one");

        Fhir.searchset(Fhir.get(api(), Fhir.careTeamSearch(ALICE), Fhir.staff("another-clinician", TRUST, "B0107")));
        assertEquals(429, Fhir.get(api(), Fhir.careTeamSearch(ALICE), Fhir.staff("busy-clinician", "R1Z", "B0170")).status(),
                "the bucket is the user's (sub), whichever organisation or role they act in");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, api().get("/api/v1/plans/" + ALICE + "/CPP", Tokens.la(LA)).status(), "the JSON API is not limited");
        }
    }

    @Test
    void refusedRequestsDoNotCountAgainstTheUser() {
        String denied = Tokens.la(LA);
        for (int i = 0; i < 5; i++) {
            assertEquals(403, Fhir.get(api(), Fhir.careTeamSearch(ALICE), denied).status(), "refused by security first");
        }
        String unauthenticated = Fhir.expiredStaff(TRUST);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, Fhir.get(api(), Fhir.careTeamSearch(ALICE), unauthenticated).status());
        }
        String clinician = Fhir.staff("careful-clinician", TRUST, "B0170");
        for (int i = 0; i < 3; i++) {
            Fhir.searchset(Fhir.get(api(), Fhir.careTeamSearch(ALICE), clinician));
        }
        assertEquals(429, Fhir.get(api(), Fhir.careTeamSearch(ALICE), clinician).status());
    }

    /** The audit entries made for the busy clinician. */
    private long auditEntries() {
        return api().get("/api/v1/audit?nhsNumber=" + ALICE + "&size=500", Tokens.auditor()).items().stream()
                .filter(entry -> "busy-clinician".equals(entry.get("subject"))).count();
    }

    private List<Map<String, Object>> inbox() {
        return api().get("/api/v1/notifications?size=500", Tokens.la(LA)).items();
    }
}
