package org.opencpis.adapters.rest.upload;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.opencpis.adapters.rest.shared.Problems;

/**
 * An upload larger than the server takes: 413 {@code UPLOAD_TOO_LARGE}, and the connection is
 * closed, since the rest of the body is not read.
 */
@Singleton
@Produces
public class UploadTooLargeHandler implements ExceptionHandler<UploadTooLarge, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, UploadTooLarge e) {
        return Problems.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "UPLOAD_TOO_LARGE", e.getMessage())
                .header(HttpHeaders.CONNECTION, "close");
    }
}
