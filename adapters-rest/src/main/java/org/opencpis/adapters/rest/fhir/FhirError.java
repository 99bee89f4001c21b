package org.opencpis.adapters.rest.fhir;

import io.micronaut.http.HttpStatus;

/** A FHIR request that cannot be answered: becomes an OperationOutcome with a Spine error code. */
class FhirError extends RuntimeException {
    private final HttpStatus status;
    private final SpineErrorCode code;

    FhirError(HttpStatus status, SpineErrorCode code, String diagnostics) {
        super(diagnostics);
        this.status = status;
        this.code = code;
    }

    static FhirError invalidSearch(String diagnostics) {
        return new FhirError(HttpStatus.BAD_REQUEST, SpineErrorCode.INVALID_SEARCH_DATA, diagnostics);
    }

    static FhirError preconditionFailed(String diagnostics) {
        return new FhirError(HttpStatus.BAD_REQUEST, SpineErrorCode.PRECONDITION_FAILED, diagnostics);
    }

    HttpStatus status() {
        return status;
    }

    SpineErrorCode code() {
        return code;
    }
}
