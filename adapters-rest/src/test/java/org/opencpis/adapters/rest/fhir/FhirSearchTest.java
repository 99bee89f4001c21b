package org.opencpis.adapters.rest.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared inputs of the FHIR searches and the Spine codes their faults get. */
class FhirSearchTest {

    @Test
    void aValidIdentifierGivesTheNhsNumber() {
        assertEquals("9990001006", FhirSearch.patient(search("https://fhir.nhs.uk/Id/nhs-number|9990001006")).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://fhir.nhs.uk/Id/nhs-number|9990001007", "https://fhir.nhs.uk/Id/nhs-number|",
            "9990001006", "|9990001006", "http://fhir.nhs.uk/Id/nhs-number|9990001006"})
    void anInvalidIdentifierIsInvalidSearchData(String value) {
        FhirError error = assertThrows(FhirError.class, () -> FhirSearch.patient(search(value)));
        assertEquals(SpineErrorCode.INVALID_SEARCH_DATA, error.code());
        assertEquals(400, error.status().getCode());
    }

    @Test
    void anAbsentOrRepeatedIdentifierIsInvalidSearchData() {
        assertEquals(SpineErrorCode.INVALID_SEARCH_DATA,
                assertThrows(FhirError.class, () -> FhirSearch.patient(HttpRequest.GET("/FHIR/R4/CareTeam"))).code());
        MutableHttpRequest<?> twice = HttpRequest.GET("/FHIR/R4/CareTeam");
        twice.getParameters().add("patient:identifier", java.util.List.of(
                "https://fhir.nhs.uk/Id/nhs-number|9990001006", "https://fhir.nhs.uk/Id/nhs-number|9990001014"));
        assertEquals(SpineErrorCode.INVALID_SEARCH_DATA, assertThrows(FhirError.class, () -> FhirSearch.patient(twice)).code());
    }

    @Test
    void theRequestIdMustBeOneUuid() {
        MutableHttpRequest<?> request = HttpRequest.GET("/FHIR/R4/CareTeam");
        assertEquals(SpineErrorCode.PRECONDITION_FAILED,
                assertThrows(FhirError.class, () -> FhirSearch.requireRequestId(request)).code());
        request.header("X-Request-ID", "not-a-uuid");
        assertEquals(SpineErrorCode.PRECONDITION_FAILED,
                assertThrows(FhirError.class, () -> FhirSearch.requireRequestId(request)).code());
        FhirSearch.requireRequestId(HttpRequest.GET("/x").header("X-Request-ID", "60e0b220-8136-4ca5-ae46-1d97ef59d068"));
    }

    @Test
    void unscheduledIsTheDefaultAndFalseMakesItSilent() {
        assertTrue(FhirSearch.unscheduledRequested(HttpRequest.GET("/x")));
        assertTrue(FhirSearch.unscheduledRequested(HttpRequest.GET("/x").header("IsUnscheduledAccessEvent", "true")));
        assertFalse(FhirSearch.unscheduledRequested(HttpRequest.GET("/x").header("IsUnscheduledAccessEvent", "false")));
        assertFalse(FhirSearch.unscheduledRequested(HttpRequest.GET("/x").header("IsUnscheduledAccessEvent", "False")));
        assertEquals(SpineErrorCode.PRECONDITION_FAILED, assertThrows(FhirError.class,
                () -> FhirSearch.unscheduledRequested(HttpRequest.GET("/x").header("IsUnscheduledAccessEvent", "yes"))).code());
    }

    private static HttpRequest<?> search(String identifier) {
        MutableHttpRequest<?> request = HttpRequest.GET("/FHIR/R4/CareTeam");
        request.getParameters().add("patient:identifier", identifier);
        return request;
    }
}
