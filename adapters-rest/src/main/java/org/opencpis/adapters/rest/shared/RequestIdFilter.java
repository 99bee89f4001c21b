package org.opencpis.adapters.rest.shared;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id — the client's {@code X-Request-ID} when it is sane, else a new UUID —
 * and echoes it, with any {@code X-Correlation-ID}, on every response, errors included.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {
    public static final String REQUEST_ID = "X-Request-ID";
    public static final String CORRELATION_ID = "X-Correlation-ID";
    private static final String ATTRIBUTE = "opencpis.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    /** The id this request is known by in logs and audit entries. */
    public static String requestId(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String id = sanitised(request.getHeaders().get(REQUEST_ID));
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }

    @RequestFilter
    public void assignId(HttpRequest<?> request) {
        requestId(request);
    }

    @ResponseFilter
    public void echoIds(HttpRequest<?> request, MutableHttpResponse<?> response) {
        echo(request, response);
    }

    /** Sets (never adds twice) the ids on a response; without a request, a new request id. */
    static void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request == null) {
            response.getHeaders().set(REQUEST_ID, UUID.randomUUID().toString());
            return;
        }
        response.getHeaders().set(REQUEST_ID, requestId(request));
        String correlation = request.getHeaders().get(CORRELATION_ID);
        if (correlation != null && SANE.matcher(correlation).matches()) {
            response.getHeaders().set(CORRELATION_ID, correlation);
        }
    }

    private static String sanitised(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
