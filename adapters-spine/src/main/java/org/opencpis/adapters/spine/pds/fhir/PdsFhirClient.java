package org.opencpis.adapters.spine.pds.fhir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read of a PDS Patient, over {@link HttpClient}: the headers PDS requires, connect and read
 * timeouts, and retries of what is worth retrying (429, 408, 500, 502, 503, 504 and I/O errors),
 * honouring {@code Retry-After}, with a doubling back-off and a bounded number of attempts.
 *
 * <p>Each attempt carries a fresh {@code X-Request-ID} (a UUID); all attempts of one read share
 * one {@code X-Correlation-ID}, which is logged with failures so that a read can be traced with
 * NHS England. Logs name the status and the correlation id, never the URL (it holds the NHS
 * number), the token or anything PDS answered.
 */
final class PdsFhirClient {
    private static final Logger LOG = LoggerFactory.getLogger(PdsFhirClient.class);
    private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);

    /** Waits between attempts; tests replace it to record the waits instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration wait) throws InterruptedException;
    }

    /** What PDS finally answered: a status that is not retried, and the body. */
    record Answer(int status, byte[] body) {
    }

    /** PDS could not be read: every attempt failed, or a wait it asked for was too long. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private final HttpClient http;
    private final PdsFhirSettings settings;
    private final PdsAccessToken token;
    private final Sleeper sleeper;
    private final Clock clock;

    PdsFhirClient(PdsFhirSettings settings, PdsAccessToken token, Sleeper sleeper, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.token = Objects.requireNonNull(token, "token");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Answer readPatient(String nhsNumber) throws Failed {
        URI patient = settings.patient(nhsNumber);
        String correlationId = UUID.randomUUID().toString();
        String lastProblem = "no attempt";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Duration wait;
            try {
                HttpResponse<byte[]> response = http.send(request(patient, correlationId), HttpResponse.BodyHandlers.ofByteArray());
                if (!RETRYABLE.contains(response.statusCode())) {
                    return new Answer(response.statusCode(), response.body());
                }
                lastProblem = "HTTP " + response.statusCode();
                wait = retryAfter(response).orElse(backoff(attempt));
                if (wait.compareTo(settings.maxRetryWait()) > 0) {
                    LOG.warn("PDS answered {} and asked to wait {}s, longer than {}s (correlation {}): giving up",
                            response.statusCode(), wait.toSeconds(), settings.maxRetryWait().toSeconds(), correlationId);
                    throw new Failed("PDS asked to wait longer than opencpis.pds.fhir.max-retry-wait");
                }
            } catch (HttpTimeoutException e) {
                lastProblem = "timed out";
                wait = backoff(attempt);
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName();
                wait = backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failed("interrupted while reading PDS");
            }
            LOG.warn("PDS read attempt {} of {} failed: {} (correlation {})", attempt, settings.maxAttempts(), lastProblem,
                    correlationId);
            if (attempt < settings.maxAttempts()) {
                pause(wait);
            }
        }
        throw new Failed("PDS did not answer after " + settings.maxAttempts() + " attempts (last: " + lastProblem + ")");
    }

    private HttpRequest request(URI patient, String correlationId) {
        return HttpRequest.newBuilder(patient)
                .timeout(settings.readTimeout())
                .header("Accept", "application/fhir+json")
                .header("Authorization", "Bearer " + token.current())
                .header("X-Request-ID", UUID.randomUUID().toString())
                .header("X-Correlation-ID", correlationId)
                .GET()
                .build();
    }

    private Duration backoff(int attempt) {
        Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(settings.maxRetryWait()) > 0 ? settings.maxRetryWait() : wait;
    }

    /** {@code Retry-After} as seconds or as an HTTP date; absent or unreadable gives nothing. */
    private java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            String given = value.strip();
            try {
                long seconds = Long.parseLong(given);
                return java.util.Optional.of(Duration.ofSeconds(Math.max(seconds, 0)));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(given, DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration until = Duration.between(clock.instant(), at.toInstant());
                    return java.util.Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (DateTimeParseException notADate) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    private void pause(Duration wait) throws Failed {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while waiting to retry PDS");
        }
    }
}
