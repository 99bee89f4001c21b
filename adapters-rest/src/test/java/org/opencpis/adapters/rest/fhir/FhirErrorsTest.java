package org.opencpis.adapters.rest.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every error status under /FHIR/ becomes an OperationOutcome with its Spine code. */
class FhirErrorsTest {
    private static final FhirContext CONTEXT = FhirContext.forR4();
    private static final FhirErrors ERRORS = new FhirErrors(new FhirJson(() -> CONTEXT));

    @ParameterizedTest(name = "{0} {1} -> {2} ({3})")
    @CsvSource({
            "400, MALFORMED_REQUEST, BAD_REQUEST, invalid",
            "400, INVALID_NHS_NUMBER, INVALID_SEARCH_DATA, invalid",
            "400, PRECONDITION_FAILED, PRECONDITION_FAILED, invalid",
            "401, UNAUTHENTICATED, ACCESS_DENIED, login",
            "403, FORBIDDEN, ACCESS_DENIED, forbidden",
            "404, NOT_FOUND, UNSUPPORTED_SERVICE, not-found",
            "405, METHOD_NOT_ALLOWED, UNSUPPORTED_SERVICE, not-supported",
            "406, NOT_ACCEPTABLE, BAD_REQUEST, not-supported",
            "413, PAYLOAD_TOO_LARGE, BAD_REQUEST, too-long",
            "415, UNSUPPORTED_MEDIA_TYPE, BAD_REQUEST, not-supported",
            "429, TOO_MANY_REQUESTS, TOO_MANY_REQUESTS, throttled",
            "500, INTERNAL_ERROR, FAILURE_TO_PROCESS_MESSAGE, exception",
            "503, SERVICE_UNAVAILABLE, UNABLE_TO_CALL_SERVICE, transient",
    })
    void statusesMapToSpineCodes(int status, String problemCode, String spineCode, String issueType) {
        MutableHttpResponse<?> response = ERRORS.error(HttpStatus.valueOf(status), problemCode, "detail");
        assertEquals(status, response.getStatus().getCode());
        assertEquals("application/fhir+json", response.getContentType().orElseThrow().toString());
        OperationOutcome outcome = CONTEXT.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                .parseResource(OperationOutcome.class, new String((byte[]) response.body(), StandardCharsets.UTF_8));
        assertEquals(spineCode, outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode());
        assertEquals(SpineErrorCode.SYSTEM, outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getSystem());
        assertEquals(issueType, outcome.getIssueFirstRep().getCode().toCode());
    }

    @Test
    void onlyFhirPathsAreAnswered() {
        assertTrue(ERRORS.appliesTo(HttpRequest.GET("/FHIR/R4/CareTeam")));
        assertTrue(ERRORS.appliesTo(HttpRequest.GET("/FHIR/anything")));
        assertFalse(ERRORS.appliesTo(HttpRequest.GET("/api/v1/plans")));
        assertFalse(ERRORS.appliesTo(HttpRequest.GET("/FHIRx")));
    }
}
