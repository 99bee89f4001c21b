package org.opencpis.adapters.rest.cohort;

import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.opencpis.adapters.rest.shared.Problems;
import org.opencpis.application.cohort.port.in.CohortAccessDenied;
import org.opencpis.application.cohort.port.in.CohortNotFound;
import org.opencpis.application.cohort.port.in.CohortRejected;

/** Cohort refusals as problem+json: 404 no such cohort, 403 another organisation's, 400 a bad cursor, 422 otherwise. */
@Factory
public class CohortErrorHandlers {

    @Singleton
    ExceptionHandler<CohortNotFound, HttpResponse<?>> notFound() {
        return (HttpRequest request, CohortNotFound e) -> Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such cohort.");
    }

    @Singleton
    ExceptionHandler<CohortAccessDenied, HttpResponse<?>> denied() {
        return (HttpRequest request, CohortAccessDenied e) -> Problems.response(HttpStatus.FORBIDDEN, "FORBIDDEN",
                "Only staff acting for the cohort's owner may read it.");
    }

    @Singleton
    ExceptionHandler<CohortRejected, HttpResponse<?>> rejected() {
        return (HttpRequest request, CohortRejected e) -> Problems.response(
                "INVALID_CURSOR".equals(e.code()) ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY, e.code(),
                e.getMessage());
    }
}
