package org.opencpis.adapters.rest.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * Another way of writing error bodies for part of the API. By default every error is an
 * {@code application/problem+json} {@link Problem}; a dialect that {@link #appliesTo applies to} a
 * request replaces it there, for Micronaut's own errors and the project's exceptions alike (the
 * FHIR API answers FHIR {@code OperationOutcome} resources under {@code /FHIR/}).
 */
public interface ErrorDialect {

    boolean appliesTo(HttpRequest<?> request);

    /**
     * The error response in this dialect.
     *
     * @param code   the problem code OpenCPIS would use in problem+json (for example {@code MALFORMED_REQUEST}
     *               or {@code INVALID_NHS_NUMBER}); the dialect may translate it
     * @param detail a message safe to show to the caller: no input echoed, no stack trace
     */
    MutableHttpResponse<?> error(HttpStatus status, String code, String detail);
}
