package org.opencpis.adapters.rest.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/** CONTRACT §3: a token without {@code sub} or {@code exp} is refused (401); expiry itself is checked by Micronaut. */
@Singleton
public class RequiredClaimsValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {
    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        return claims.get(Claims.SUBJECT) != null && claims.get(Claims.EXPIRATION_TIME) != null;
    }
}
