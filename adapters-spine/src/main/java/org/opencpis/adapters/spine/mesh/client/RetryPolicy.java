package org.opencpis.adapters.spine.mesh.client;

import java.time.Duration;

/**
 * How hard the client tries: attempts per request, the first back-off (doubling each time, or the
 * server's {@code Retry-After}), the request timeout and the chunk size for sending.
 */
public record RetryPolicy(int attempts, Duration firstBackOff, Duration requestTimeout, int chunkSize) {

    public static RetryPolicy standard() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(20), 20 * 1024 * 1024);
    }

    /** The same policy with another timeout for each request (configured by {@code opencpis.mesh.request-timeout}). */
    public RetryPolicy withRequestTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the MESH request timeout must be positive");
        }
        return new RetryPolicy(attempts, firstBackOff, timeout, chunkSize);
    }

    void pause(int attempt, Duration retryAfter) {
        Duration wait = retryAfter != null ? retryAfter : firstBackOff.multipliedBy(1L << Math.min(attempt - 1, 10));
        try {
            Thread.sleep(Math.min(wait.toMillis(), Duration.ofSeconds(30).toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MeshUnavailable("interrupted while waiting to retry", e);
        }
    }
}
