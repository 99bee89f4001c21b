package org.opencpis.adapters.rest.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.opencpis.adapters.rest.shared.ErrorDialects;
import org.opencpis.adapters.rest.shared.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits how often one user may run the CP-IS query: every request under {@code /FHIR/} that
 * passed authentication and authorisation (the CareTeam and AuditEvent searches) takes a token
 * from its user's ({@code sub}) bucket of {@code opencpis.query.rate-limit.per-minute} tokens
 * (default 120; 0 turns the limit off), refilled evenly over a minute. With none left the answer
 * is 429 with {@code Retry-After} (seconds), in the FHIR API's error dialect, and nothing is
 * queried or audited.
 *
 * <p>The buckets live in this instance's memory: with several instances behind a load balancer
 * a user may reach the limit once per instance, and a restart refills every bucket. It bounds a
 * runaway client or a harvesting user; it is no defence against a distributed attack, which is
 * the edge's job.
 */
@ServerFilter("/FHIR/**")
public class QueryRateLimit implements Ordered {
    public static final String PER_MINUTE = "opencpis.query.rate-limit.per-minute";
    static final int DEFAULT_PER_MINUTE = 120;
    private static final int MAX_TRACKED_USERS = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(QueryRateLimit.class);

    private final TokenBuckets buckets;
    private final ErrorDialects dialects;

    public QueryRateLimit(@Value("${" + PER_MINUTE + ":" + DEFAULT_PER_MINUTE + "}") int perMinute, ErrorDialects dialects) {
        if (perMinute < 0) {
            throw new ConfigurationException(PER_MINUTE + " must be 0 (no limit) or more");
        }
        this.buckets = perMinute == 0 ? null : new TokenBuckets(perMinute, System::nanoTime, MAX_TRACKED_USERS);
        this.dialects = dialects;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        if (buckets == null) {
            return null;
        }
        Optional<Authentication> user = request.getUserPrincipal(Authentication.class);
        if (user.isEmpty()) {
            return null;
        }
        TokenBuckets.Decision decision = buckets.take(user.get().getName());
        if (decision.taken()) {
            return null;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(decision.waitNanos() + TimeUnit.SECONDS.toNanos(1) - 1));
        if (decision.firstRefusal()) {
            LOG.warn("CP-IS query rate limit reached by user {}: answering 429 until their bucket refills", user.get().getName());
        }
        String detail = "Too many queries from this user: try again in " + retryAfter + " seconds.";
        MutableHttpResponse<?> response = dialects.forRequest(request)
                .<MutableHttpResponse<?>>map(dialect -> dialect.error(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", detail))
                .orElseGet(() -> Problems.response(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", detail));
        return response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    }

    /** After security, so only authenticated and authorised requests count, each against its own user. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
