package org.opencpis.bootstrap.security;

import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import org.opencpis.bootstrap.DevelopmentTokens;
import org.opencpis.bootstrap.support.Tokens;

/**
 * Every kind of caller CONTRACT §3 distinguishes. The four bad tokens are made for the principal
 * the endpoint would otherwise let in, so each shows that the token's defect alone is what is
 * refused: expired five minutes ago, signed with another key, or unsigned ({@code alg: none}).
 */
enum Caller {
    NONE("no token"),
    EXPIRED("expired token"),
    WRONG_KEY("token signed with another key"),
    ALG_NONE("unsigned token (alg: none)"),
    LA_OWN("LA (owner)"),
    LA_OTHER("another LA"),
    ADMIN("ADMIN"),
    AUDITOR("AUDITOR"),
    B0107("staff with B0107"),
    B0170("staff with B0170"),
    STAFF_WITHOUT_ACTIVITY("staff without an activity");

    static final String OWN_LA = "861";
    static final String OTHER_LA = "862";
    static final String TRUST = "R1A";
    static final String ROLE_CODE = "S8000:G8000:R8000";

    private static final Duration HOUR = Duration.ofHours(1);
    private static final DevelopmentTokens SIGNER = new DevelopmentTokens(Tokens.SECRET);
    private static final DevelopmentTokens OTHER_SIGNER = new DevelopmentTokens("a-completely-different-secret-0123456789");

    private final String label;

    Caller(String label) {
        this.label = label;
    }

    boolean hasValidToken() {
        return ordinal() >= LA_OWN.ordinal();
    }

    /** The bearer token, or null for {@link #NONE}; a bad token is made for {@code principal}. */
    String token(Caller principal) {
        return switch (this) {
            case NONE -> null;
            case EXPIRED -> principal.signed(SIGNER, Duration.ofMinutes(-5));
            case WRONG_KEY -> principal.signed(OTHER_SIGNER, HOUR);
            case ALG_NONE -> unsigned(principal.signed(SIGNER, HOUR));
            default -> signed(SIGNER, HOUR);
        };
    }

    private String signed(DevelopmentTokens signer, Duration lifetime) {
        return switch (this) {
            case LA_OWN -> signer.service("la-user-" + OWN_LA, "LA", OWN_LA, lifetime);
            case LA_OTHER -> signer.service("la-user-" + OTHER_LA, "LA", OTHER_LA, lifetime);
            case ADMIN -> signer.service("admin-user", "ADMIN", "OPENCPIS", lifetime);
            case AUDITOR -> signer.service("auditor-user", "AUDITOR", "OPENCPIS", lifetime);
            case B0107 -> signer.staff("clinician-b0107", TRUST, ROLE_CODE, List.of("B0107"), lifetime);
            case B0170 -> signer.staff("clinician-b0170", TRUST, ROLE_CODE, List.of("B0170"), lifetime);
            case STAFF_WITHOUT_ACTIVITY -> signer.staff("nurse-no-activity", TRUST, ROLE_CODE, List.of(), lifetime);
            default -> throw new IllegalArgumentException(this + " is not a principal");
        };
    }

    /** The same claims with {@code alg: none} and no signature. */
    static String unsigned(String signedToken) {
        try {
            return new PlainJWT(SignedJWT.parse(signedToken).getJWTClaimsSet()).serialize();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
