package org.opencpis.adapters.spine.pds.fhir;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the PDS FHIR adapter talks to PDS. Built from {@code opencpis.pds.fhir.*} by
 * {@link PdsFhirFactory}; every value is checked here so that a bad setting stops start-up.
 *
 * @param baseUrl          the FHIR base, e.g. {@code https://int.api.service.nhs.uk/personal-demographics/FHIR/R4};
 *                         the adapter asks {@code {baseUrl}/Patient/{nhsNumber}}
 * @param connectTimeout   how long to wait for a connection
 * @param readTimeout      how long to wait for the whole answer to one request
 * @param maxAttempts      requests per verification, first one included (429, 408, 5xx and I/O errors are retried)
 * @param retryBackoff     wait before the second attempt; doubled for each further attempt
 * @param maxRetryWait     the longest wait between attempts, also for a {@code Retry-After} PDS asks for;
 *                         a longer {@code Retry-After} gives up at once
 * @param breakerThreshold consecutive failed verifications that open the circuit breaker
 * @param breakerCoolDown  how long the breaker stays open before one trial request is let through
 */
public record PdsFhirSettings(
        URI baseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration retryBackoff,
        Duration maxRetryWait,
        int breakerThreshold,
        Duration breakerCoolDown) {

    public PdsFhirSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equalsIgnoreCase(baseUrl.getScheme()) && !"https".equalsIgnoreCase(baseUrl.getScheme())) {
            throw new PdsFhirConfigurationException("opencpis.pds.fhir.url (OPENCPIS_PDS_FHIR_URL) must be an http(s) URL");
        }
        positive(connectTimeout, "connect-timeout");
        positive(readTimeout, "read-timeout");
        positive(retryBackoff, "retry-backoff");
        positive(maxRetryWait, "max-retry-wait");
        positive(breakerCoolDown, "breaker-cool-down");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new PdsFhirConfigurationException("opencpis.pds.fhir.max-attempts must be between 1 and 10");
        }
        if (breakerThreshold < 1) {
            throw new PdsFhirConfigurationException("opencpis.pds.fhir.breaker-threshold must be at least 1");
        }
    }

    /** The defaults, for the given base URL. */
    public static PdsFhirSettings defaults(URI baseUrl) {
        return new PdsFhirSettings(baseUrl, Duration.ofSeconds(5), Duration.ofSeconds(10), 3, Duration.ofMillis(500),
                Duration.ofSeconds(10), 5, Duration.ofSeconds(30));
    }

    /** The URL of the Patient resource for the number's digits. */
    URI patient(String nhsNumber) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "Patient/" + nhsNumber);
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new PdsFhirConfigurationException("opencpis.pds.fhir." + name + " must be a positive duration");
        }
    }
}
