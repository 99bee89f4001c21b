package org.opencpis.adapters.spine.pds.fhir;

/**
 * Where the PDS FHIR adapter gets the bearer token for each request. The built-in one
 * ({@link ConfiguredPdsAccessToken}) hands out the token from {@code opencpis.pds.fhir.token}.
 * A production deployment replaces it with a bean that runs NHS England's application-restricted
 * "signed JWT" OAuth 2.0 flow (a JWT signed with the application's private key, exchanged at the
 * API platform's token endpoint for a short-lived access token, cached until shortly before it
 * expires); that flow is not implemented here.
 *
 * <p>The token is a secret: it is never logged and never put in an exception message.
 */
@FunctionalInterface
public interface PdsAccessToken {
    /** The access token for the next request, without the {@code Bearer } prefix. */
    String current();
}
