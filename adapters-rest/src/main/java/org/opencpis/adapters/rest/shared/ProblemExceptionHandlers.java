package org.opencpis.adapters.rest.shared;

import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.opencpis.domain.shared.DomainViolation;

/** Maps the project's own validation failures to 400 problems with their codes. */
@Factory
public class ProblemExceptionHandlers {

    @Singleton
    ExceptionHandler<InvalidRequest, HttpResponse<?>> invalidRequest() {
        return (HttpRequest request, InvalidRequest e) ->
                Problems.response(HttpStatus.BAD_REQUEST, e.code(), e.getMessage(), e.errors());
    }

    @Singleton
    ExceptionHandler<NotFound, HttpResponse<?>> notFound() {
        return (HttpRequest request, NotFound e) -> Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
    }

    @Singleton
    ExceptionHandler<DomainViolation, HttpResponse<?>> domainViolation() {
        return (HttpRequest request, DomainViolation e) -> Problems.response(HttpStatus.BAD_REQUEST, e.code(),
                e.getMessage(), e.field() == null ? List.of()
                        : List.of(new Problem.FieldProblem(e.field(), e.code(), e.getMessage())));
    }
}
