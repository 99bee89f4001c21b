package org.opencpis.bootstrap.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.opencpis.bootstrap.DevelopmentTokens;

/**
 * Black-box helpers for the FHIR R4 API: requests with the CP-IS headers, NHS staff tokens of every
 * kind, and a strict HAPI parser through which every FHIR response body is read back.
 */
public final class Fhir {
    public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    public static final String SPINE_ERROR_SYSTEM = "https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode";
    public static final String ROLE_CODE = "S8000:G8000:R8000";

    private static final FhirContext CONTEXT = FhirContext.forR4();
    private static final DevelopmentTokens SIGNER = new DevelopmentTokens(Tokens.SECRET);
    private static final Duration HOUR = Duration.ofHours(1);

    private Fhir() {
    }

    public static String careTeamSearch(String nhsNumber) {
        return "/FHIR/R4/CareTeam?patient:identifier=" + NHS_NUMBER_SYSTEM + "%7C" + nhsNumber;
    }

    public static String auditEventSearch(String nhsNumber) {
        return "/FHIR/R4/AuditEvent?patient:identifier=" + NHS_NUMBER_SYSTEM + "%7C" + nhsNumber;
    }

    /** Headers with a fresh UUID {@code X-Request-ID}, plus the given name/value pairs. */
    public static Map<String, String> headers(String... extra) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Request-ID", UUID.randomUUID().toString());
        for (int i = 0; i + 1 < extra.length; i += 2) {
            headers.put(extra[i], extra[i + 1]);
        }
        return headers;
    }

    /** A GET with a fresh UUID request id and the given extra headers. */
    public static Api.Response get(Api api, String path, String token, String... extraHeaders) {
        return api.send("GET", path, token, null, headers(extraHeaders));
    }

    /** An NHS staff (CIS2-shaped) token for {@code subject} acting at {@code org} with the activities. */
    public static String staff(String subject, String org, String... activities) {
        return SIGNER.staff(subject, org, ROLE_CODE, List.of(activities), HOUR);
    }

    public static String expiredStaff(String org) {
        return SIGNER.staff("clinician-" + org, org, ROLE_CODE, List.of("B0107", "B0170"), Duration.ofMinutes(-5));
    }

    public static String wrongKeyStaff(String org) {
        return new DevelopmentTokens("a-completely-different-secret-0123456789")
                .staff("clinician-" + org, org, ROLE_CODE, List.of("B0107", "B0170"), HOUR);
    }

    /** An unsigned ({@code alg: none}) token that would otherwise be a valid B0107/B0170 staff token. */
    public static String unsignedStaff(String org) {
        Map<String, Object> role = Map.of("person_roleid", "555123", "org_code", org, "role_code", ROLE_CODE,
                "activity_codes", List.of("B0107", "B0170"));
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("clinician-" + org).claim("selected_roleid", "555123")
                .claim("nhsid_nrbac_roles", List.of(role)).expirationTime(Date.from(Instant.now().plus(HOUR))).build();
        return new PlainJWT(claims).serialize();
    }

    /** The {@code selected_roleid} (role profile id) of a staff token. */
    public static String roleProfileId(String staffToken) {
        try {
            return SignedJWT.parse(staffToken).getJWTClaimsSet().getStringClaim("selected_roleid");
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** Parses a FHIR response body strictly (unknown elements, bad values: failure) after checking its media type. */
    public static <T extends IBaseResource> T parse(Api.Response response, Class<T> type) {
        String contentType = response.header("Content-Type");
        assertNotNull(contentType, "no Content-Type: " + response);
        assertTrue(contentType.startsWith("application/fhir+json"), "Content-Type " + contentType + ": " + response);
        return strictParser().parseResource(type, response.body());
    }

    public static IParser strictParser() {
        return CONTEXT.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    /** A 200 searchset Bundle, parsed strictly. */
    public static Bundle searchset(Api.Response response) {
        assertEquals(200, response.status(), response.toString());
        Bundle bundle = parse(response, Bundle.class);
        assertEquals(Bundle.BundleType.SEARCHSET, bundle.getType());
        assertEquals(bundle.getEntry().size(), bundle.getTotal(), "total counts the entries");
        return bundle;
    }

    /**
     * Checks that the response is an OperationOutcome with the status, one error issue of the FHIR
     * issue type, and the Spine error code; returns it parsed.
     */
    public static OperationOutcome assertOutcome(Api.Response response, int status, String spineCode, String issueType) {
        assertEquals(status, response.status(), response.toString());
        OperationOutcome outcome = parse(response, OperationOutcome.class);
        assertEquals(1, outcome.getIssue().size(), response.toString());
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
        assertEquals(issueType, issue.getCode().toCode(), response.toString());
        assertTrue(issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                || issue.getSeverity() == OperationOutcome.IssueSeverity.FATAL, response.toString());
        Coding coding = issue.getDetails().getCodingFirstRep();
        assertEquals(SPINE_ERROR_SYSTEM, coding.getSystem());
        assertEquals(spineCode, coding.getCode(), response.toString());
        assertNotNull(coding.getDisplay());
        assertTrue(issue.hasDiagnostics());
        assertTrue(!response.body().contains("Exception") && !response.body().contains("\tat "), response.body());
        return outcome;
    }
}
