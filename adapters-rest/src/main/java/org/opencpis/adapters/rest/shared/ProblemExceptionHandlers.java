package org.opencpis.adapters.rest.shared;

import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.opencpis.application.shared.StoreUnavailable;
import org.opencpis.domain.shared.DomainViolation;

/**
 * Maps the project's own validation failures to 400 problems with their codes (or, where an
 * {@link ErrorDialect} applies, to that dialect's error with the same status and code).
 */
@Factory
public class ProblemExceptionHandlers {

    @Singleton
    ExceptionHandler<InvalidRequest, HttpResponse<?>> invalidRequest(ErrorDialects dialects) {
        return (HttpRequest request, InvalidRequest e) -> dialects.forRequest(request)
                .<HttpResponse<?>>map(dialect -> dialect.error(HttpStatus.BAD_REQUEST, e.code(), e.getMessage()))
                .orElseGet(() -> Problems.response(HttpStatus.BAD_REQUEST, e.code(), e.getMessage(), e.errors()));
    }

    @Singleton
    ExceptionHandler<NotFound, HttpResponse<?>> notFound(ErrorDialects dialects) {
        return (HttpRequest request, NotFound e) -> dialects.forRequest(request)
                .<HttpResponse<?>>map(dialect -> dialect.error(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage()))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage()));
    }

    /** The database cannot be reached: nothing was applied, try again shortly. */
    @Singleton
    ExceptionHandler<StoreUnavailable, HttpResponse<?>> storeUnavailable(ErrorDialects dialects) {
        String detail = "The service cannot reach its database; nothing was changed. Try again shortly.";
        return (HttpRequest request, StoreUnavailable e) -> dialects.forRequest(request)
                .<MutableHttpResponse<?>>map(dialect -> dialect.error(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", detail))
                .orElseGet(() -> Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", detail))
                .header(HttpHeaders.RETRY_AFTER, "5");
    }

    @Singleton
    ExceptionHandler<DomainViolation, HttpResponse<?>> domainViolation(ErrorDialects dialects) {
        return (HttpRequest request, DomainViolation e) -> dialects.forRequest(request)
                .<HttpResponse<?>>map(dialect -> dialect.error(HttpStatus.BAD_REQUEST, e.code(), e.getMessage()))
                .orElseGet(() -> Problems.response(HttpStatus.BAD_REQUEST, e.code(), e.getMessage(),
                        e.field() == null ? List.of()
                                : List.of(new Problem.FieldProblem(e.field(), e.code(), e.getMessage()))));
    }
}
