package org.opencpis.adapters.rest.upload;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.opencpis.adapters.rest.shared.Problems;
import org.opencpis.application.upload.port.in.UploadRejected;

/** A submission refused: 422 UNKNOWN_ORGANISATION, else 400 (EMPTY_UPLOAD, UPLOAD_INTERRUPTED). */
@Singleton
@Produces
public class UploadRejectedHandler implements ExceptionHandler<UploadRejected, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, UploadRejected e) {
        HttpStatus status = "UNKNOWN_ORGANISATION".equals(e.code()) ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
        return Problems.response(status, e.code(), e.getMessage());
    }
}
