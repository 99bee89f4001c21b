package org.opencpis.adapters.spine.pds.fhir;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.opencpis.application.plan.port.out.Demographics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the PDS FHIR adapter when {@code opencpis.pds.mode} ({@code OPENCPIS_PDS_MODE}) is
 * {@code fhir}. It is created eagerly, so that a missing URL or token, or an invalid setting, stops
 * start-up with a {@link PdsFhirConfigurationException} instead of failing the first upload.
 *
 * <p>Settings ({@code opencpis.pds.fhir.*}): {@code url} (required, {@code OPENCPIS_PDS_FHIR_URL}),
 * {@code token} ({@code OPENCPIS_PDS_FHIR_TOKEN}; required unless the deployment provides its own
 * {@link PdsAccessToken} bean), {@code connect-timeout} (5s), {@code read-timeout} (10s),
 * {@code max-attempts} (3), {@code retry-backoff} (500ms), {@code max-retry-wait} (10s),
 * {@code breaker-threshold} (5), {@code breaker-cool-down} (30s).
 */
@Factory
@Requires(property = PdsMode.PROPERTY, value = "fhir")
public class PdsFhirFactory {
    private static final Logger LOG = LoggerFactory.getLogger(PdsFhirFactory.class);

    @Singleton
    @Secondary
    PdsAccessToken configuredToken(@Property(name = "opencpis.pds.fhir.token") @Nullable String token) {
        if (token == null || token.isBlank()) {
            throw new PdsFhirConfigurationException("opencpis.pds.mode=fhir needs an access token: set opencpis.pds.fhir.token "
                    + "(OPENCPIS_PDS_FHIR_TOKEN) or provide a PdsAccessToken bean");
        }
        return new ConfiguredPdsAccessToken(token.strip());
    }

    @Context
    @Singleton
    Demographics pdsFhirDemographics(
            @Property(name = "opencpis.pds.fhir.url") @Nullable String url,
            @Property(name = "opencpis.pds.fhir.connect-timeout", defaultValue = "5s") Duration connectTimeout,
            @Property(name = "opencpis.pds.fhir.read-timeout", defaultValue = "10s") Duration readTimeout,
            @Property(name = "opencpis.pds.fhir.max-attempts", defaultValue = "3") int maxAttempts,
            @Property(name = "opencpis.pds.fhir.retry-backoff", defaultValue = "500ms") Duration retryBackoff,
            @Property(name = "opencpis.pds.fhir.max-retry-wait", defaultValue = "10s") Duration maxRetryWait,
            @Property(name = "opencpis.pds.fhir.breaker-threshold", defaultValue = "5") int breakerThreshold,
            @Property(name = "opencpis.pds.fhir.breaker-cool-down", defaultValue = "30s") Duration breakerCoolDown,
            PdsAccessToken token,
            JsonMapper json) {
        PdsFhirSettings settings = new PdsFhirSettings(baseUrl(url), connectTimeout, readTimeout, maxAttempts, retryBackoff,
                maxRetryWait, breakerThreshold, breakerCoolDown);
        LOG.info("PDS FHIR adapter in use: {} (timeouts {}/{}, {} attempts, breaker after {} failures for {})",
                settings.baseUrl(), connectTimeout, readTimeout, maxAttempts, breakerThreshold, breakerCoolDown);
        return create(settings, token, json);
    }

    /** The adapter with the system clock and real sleeps. */
    public static PdsFhirDemographics create(PdsFhirSettings settings, PdsAccessToken token, JsonMapper json) {
        return create(settings, token, json, wait -> Thread.sleep(wait.toMillis()), Clock.systemUTC());
    }

    static PdsFhirDemographics create(PdsFhirSettings settings, PdsAccessToken token, JsonMapper json,
                                      PdsFhirClient.Sleeper sleeper, Clock clock) {
        PdsFhirClient client = new PdsFhirClient(settings, token, sleeper, clock);
        CircuitBreaker breaker = new CircuitBreaker(settings.breakerThreshold(), settings.breakerCoolDown(), clock);
        return new PdsFhirDemographics(client, breaker, json);
    }

    private static URI baseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new PdsFhirConfigurationException("opencpis.pds.mode=fhir needs the PDS FHIR base URL: set opencpis.pds.fhir.url "
                    + "(OPENCPIS_PDS_FHIR_URL), e.g. https://sandbox.api.service.nhs.uk/personal-demographics/FHIR/R4");
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null) {
                throw new IllegalArgumentException("no host, or credentials or a query in the URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new PdsFhirConfigurationException("opencpis.pds.fhir.url (OPENCPIS_PDS_FHIR_URL) is not a usable http(s) base URL");
        }
    }
}
