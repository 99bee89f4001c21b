package org.opencpis.adapters.rest.plan;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.opencpis.adapters.rest.shared.Problems;
import org.opencpis.application.plan.port.in.PlanRejected;

/** A plan PDS or the register refused: 422 with the CPR code or UNKNOWN_ORGANISATION; 503 when PDS is down. */
@Singleton
@Produces
public class PlanRejectedHandler implements ExceptionHandler<PlanRejected, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, PlanRejected e) {
        HttpStatus status = "PDS_UNAVAILABLE".equals(e.code()) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_ENTITY;
        return Problems.response(status, e.code(), e.getMessage());
    }
}
