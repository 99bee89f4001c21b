package org.opencpis.adapters.rest.shared;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** The error dialects of the service; a request that none applies to gets problem+json. */
@Singleton
public class ErrorDialects {
    private final List<ErrorDialect> dialects;

    public ErrorDialects(List<ErrorDialect> dialects) {
        this.dialects = List.copyOf(dialects);
    }

    public Optional<ErrorDialect> forRequest(HttpRequest<?> request) {
        if (request == null) {
            return Optional.empty();
        }
        return dialects.stream().filter(dialect -> dialect.appliesTo(request)).findFirst();
    }
}
