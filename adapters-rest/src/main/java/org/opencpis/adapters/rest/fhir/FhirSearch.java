package org.opencpis.adapters.rest.fhir;

import io.micronaut.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opencpis.domain.shared.NhsNumber;

/**
 * The inputs every CP-IS FHIR search shares, checked in this order: the {@code X-Request-ID}
 * header (required, one UUID: else 400 {@code PRECONDITION_FAILED}), then the
 * {@code patient:identifier} parameter (exactly one {@code https://fhir.nhs.uk/Id/nhs-number|}
 * followed by a valid NHS number: else 400 {@code INVALID_SEARCH_DATA}).
 */
final class FhirSearch {
    static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    static final String PATIENT_IDENTIFIER = "patient:identifier";
    static final String REQUEST_ID = "X-Request-ID";
    static final String UNSCHEDULED = "IsUnscheduledAccessEvent";

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private FhirSearch() {
    }

    static void requireRequestId(HttpRequest<?> request) {
        List<String> ids = request.getHeaders().getAll(REQUEST_ID);
        if (ids.isEmpty()) {
            throw FhirError.preconditionFailed("The X-Request-ID header is required: a UUID identifying this request.");
        }
        if (ids.size() > 1 || !UUID.matcher(ids.get(0)).matches()) {
            throw FhirError.preconditionFailed("The X-Request-ID header must be one UUID, e.g. 60E0B220-8136-4CA5-AE46-1D97EF59D068.");
        }
    }

    /** {@code IsUnscheduledAccessEvent}: absent means true; otherwise {@code true} or {@code false} (any case). */
    static boolean unscheduledRequested(HttpRequest<?> request) {
        List<String> values = request.getHeaders().getAll(UNSCHEDULED);
        if (values.isEmpty()) {
            return true;
        }
        String value = values.size() == 1 ? values.get(0).strip().toLowerCase(Locale.ROOT) : "";
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw FhirError.preconditionFailed("The IsUnscheduledAccessEvent header must be true or false.");
        };
    }

    static NhsNumber patient(HttpRequest<?> request) {
        List<String> values = request.getParameters().getAll(PATIENT_IDENTIFIER);
        if (values.size() != 1) {
            throw FhirError.invalidSearch("Search with exactly one patient:identifier=" + NHS_NUMBER_SYSTEM + "|{NHS number}.");
        }
        String value = values.get(0);
        int bar = value.indexOf('|');
        if (bar < 0 || !NHS_NUMBER_SYSTEM.equals(value.substring(0, bar))) {
            throw FhirError.invalidSearch("The patient:identifier system must be " + NHS_NUMBER_SYSTEM + ".");
        }
        String digits = value.substring(bar + 1);
        if (!NhsNumber.isValid(digits)) {
            throw FhirError.invalidSearch("The patient:identifier value is not a valid NHS number (10 digits, Modulus 11 check digit).");
        }
        return new NhsNumber(digits);
    }
}
