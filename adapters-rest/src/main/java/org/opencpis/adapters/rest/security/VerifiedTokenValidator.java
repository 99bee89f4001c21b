package org.opencpis.adapters.rest.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Asked first for every bearer token (ADR 0013): answers with the authentication the same token gave
 * when it was verified, while that holds ({@link VerifiedTokens}); otherwise answers nothing, and
 * Micronaut's JWT validator verifies the token in full.
 */
@Singleton
public class VerifiedTokenValidator implements TokenValidator<HttpRequest<?>> {
    private final VerifiedTokens verified;

    public VerifiedTokenValidator(VerifiedTokens verified) {
        this.verified = verified;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return verified.find(token).map(Publishers::just).orElseGet(Publishers::empty);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
