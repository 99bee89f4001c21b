package org.opencpis.adapters.rest.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import java.util.List;

/**
 * Refuses to start without a key source: with no signature configured, micronaut-security-jwt
 * would accept unsigned ({@code alg: none}) tokens.
 */
@Context
public class KeySourceGuard {
    public KeySourceGuard(List<SignatureConfiguration> signatures) {
        if (signatures.isEmpty()) {
            throw new ConfigurationException(
                    "No token key source: set OPENCPIS_JWT_SECRET (HS256, at least 32 bytes) or OPENCPIS_JWKS_URL");
        }
    }
}
