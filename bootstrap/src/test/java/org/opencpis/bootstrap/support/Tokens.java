package org.opencpis.bootstrap.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import com.nimbusds.jwt.PlainJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.opencpis.bootstrap.DevelopmentTokens;

/** Tokens of every kind the contract distinguishes, signed with the test secret unless the test wants otherwise. */
public final class Tokens {
    public static final String SECRET = "opencpis-test-secret-0123456789abcdef0123";
    private static final Duration HOUR = Duration.ofHours(1);
    private static final DevelopmentTokens SIGNER = new DevelopmentTokens(SECRET);

    private Tokens() {
    }

    public static String la(String org) {
        return SIGNER.service("la-user-" + org, "LA", org, HOUR);
    }

    public static String admin() {
        return SIGNER.service("admin-user", "ADMIN", "OPENCPIS", HOUR);
    }

    public static String auditor() {
        return SIGNER.service("auditor-user", "AUDITOR", "OPENCPIS", HOUR);
    }

    public static String staff(String org, String... activities) {
        return SIGNER.staff("clinician-" + org, org, "S8000:G8000:R8000", List.of(activities), HOUR);
    }

    public static String expiredLa(String org) {
        return SIGNER.service("la-user-" + org, "LA", org, Duration.ofMinutes(-5));
    }

    public static String wrongKeyLa(String org) {
        return new DevelopmentTokens("a-completely-different-secret-0123456789").service("la-user", "LA", org, HOUR);
    }

    /** An unsigned token ({@code alg: none}) that would otherwise be a valid LA token. */
    public static String unsignedLa(String org) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("la-user").claim("roles", List.of("LA")).claim("org", org)
                .expirationTime(Date.from(Instant.now().plus(HOUR))).build();
        return new PlainJWT(claims).serialize();
    }

    /** Correctly signed but without {@code exp}. */
    public static String noExpiryLa(String org) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("la-user").claim("roles", List.of("LA")).claim("org", org).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
