package org.opencpis.adapters.rest.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.uri.UriBuilder;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.domain.shared.DomainViolation;

/** The contract's paging: zero-based {@code page}, {@code size} (default 50, at most 500), and a {@code nextPage} link. */
public final class Paging {
    private Paging() {
    }

    public static PageRequest request(String page, String size) {
        return new PageRequest(number("page", page, 0), number("size", size, PageRequest.DEFAULT_SIZE));
    }

    public static <T> ListResponse<T> response(Page<T> page, HttpRequest<?> request, PageRequest current) {
        String next = null;
        if (page.hasNext()) {
            next = UriBuilder.of(request.getUri()).replaceQueryParam("page", current.page() + 1)
                    .replaceQueryParam("size", current.size()).build().toString();
        }
        return new ListResponse<>(page.items(), next);
    }

    private static int number(String field, String raw, int fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new DomainViolation("INVALID_PAGE", field, field + " must be a whole number");
        }
    }
}
