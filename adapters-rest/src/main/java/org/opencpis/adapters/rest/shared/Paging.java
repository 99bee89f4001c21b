package org.opencpis.adapters.rest.shared;

import io.micronaut.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /**
     * The page with a link to the next one: the request's path and its other query parameters as
     * decoded, re-encoded, then {@code page} and {@code size}. (Re-parsing the raw URI instead
     * failed with a 500 when a parameter was not valid UTF-8 once percent-decoded.)
     */
    public static <T> ListResponse<T> response(Page<T> page, HttpRequest<?> request, PageRequest current) {
        String next = null;
        if (page.hasNext()) {
            StringBuilder link = new StringBuilder(request.getPath()).append('?');
            request.getParameters().forEach((name, values) -> {
                if (!name.equals("page") && !name.equals("size")) {
                    values.forEach(value -> link.append(encoded(name)).append('=').append(encoded(value)).append('&'));
                }
            });
            next = link.append("page=").append(current.page() + 1).append("&size=").append(current.size()).toString();
        }
        return new ListResponse<>(page.items(), next);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
