package org.opencpis.adapters.rest.shared;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Browser-facing hardening on every response, errors included. The JSON and FHIR APIs carry child
 * data, so nothing there may be cached ({@code Cache-Control: no-store}), sniffed, framed or sent
 * on as a referrer, and the content security policy forbids everything. The API browser under
 * {@code /openapi-ui/} is the one HTML page: its policy allows its own scripts and styles, from
 * this origin only. A 401 from the APIs names the bearer scheme (RFC 6750).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders implements Ordered {
    /** No content of any kind, no framing, no forms, no base URI. */
    public static final String STRICT_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /**
     * The API browser: Swagger UI's bundle, stylesheet and the page's start-up script
     * ({@code start.js}) from this origin and no inline script, the OpenAPI description fetched
     * from this origin, inline styles (Swagger UI sets style attributes) and {@code data:} images
     * (its icons), and nothing else.
     */
    public static final String UI_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    static final String UI_PATH = "/openapi-ui";
    private static final String[] CACHEABLE = {UI_PATH + "/", "/openapi/", "/openapi-assets/"};

    @ResponseFilter
    public void harden(HttpRequest<?> request, MutableHttpResponse<?> response) {
        apply(request, response);
    }

    /**
     * Sets the headers on a response. Also called for errors Micronaut answers before any filter
     * runs (a request line or header too long, an undecodable request), where the request may be
     * missing or its path unreadable: those get the strict policy.
     */
    static void apply(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = pathOf(request);
        MutableHttpHeaders headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", isUi(path) ? UI_POLICY : STRICT_POLICY);
        if (!isCacheable(path)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (response.getStatus() == HttpStatus.UNAUTHORIZED && isApi(path) && !headers.contains(HttpHeaders.WWW_AUTHENTICATE)) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"OpenCPIS\"");
        }
    }

    private static String pathOf(HttpRequest<?> request) {
        try {
            return request == null ? "" : request.getPath();
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    static boolean isUi(String path) {
        return path.equals(UI_PATH) || path.startsWith(UI_PATH + "/");
    }

    /** The API description, the API browser and its assets hold no data and may be cached; nothing else may. */
    static boolean isCacheable(String path) {
        if (path.contains("..")) {
            return false;
        }
        for (String prefix : CACHEABLE) {
            if (path.startsWith(prefix) || path.equals(UI_PATH)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/FHIR/");
    }

    /** Outside every other filter, so responses they produce themselves get the headers too. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 1;
    }
}
