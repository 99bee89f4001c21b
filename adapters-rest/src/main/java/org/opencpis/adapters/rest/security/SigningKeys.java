package org.opencpis.adapters.rest.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/**
 * The HS256 key source ({@code opencpis.jwt.secret}, from {@code OPENCPIS_JWT_SECRET}). JWKS
 * sources are Micronaut's own {@code micronaut.security.token.jwt.signatures.jwks.*} entries.
 */
@Factory
public class SigningKeys {
    static final int MIN_SECRET_BYTES = 32;

    @Singleton
    @Named("opencpis-hs256")
    @Requires(property = "opencpis.jwt.secret")
    SignatureConfiguration hs256(@Value("${opencpis.jwt.secret}") String secret) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new ConfigurationException("OPENCPIS_JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("opencpis-hs256");
        configuration.setSecret(secret);
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        return new SecretSignature(configuration);
    }
}
