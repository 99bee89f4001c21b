package org.opencpis.bootstrap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mints HS256 tokens of both shapes for development and tests: {@code token LA 706},
 * {@code token ADMIN}, {@code token AUDITOR}, {@code token B0107 RXX}, {@code token B0170 RXX}.
 * Service roles give the service shape ({@code roles}, {@code org}); activity codes give the CIS2
 * shape with one selected role holding that activity.
 */
public final class DevelopmentTokens {
    private final byte[] secret;

    public DevelopmentTokens(String secret) {
        this.secret = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A service-shaped token ({@code LA}, {@code ADMIN}, {@code AUDITOR}). */
    public String service(String subject, String role, String org, Duration lifetime) {
        return sign(base(subject, lifetime).claim("roles", List.of(role)).claim("org", org).build());
    }

    /** A CIS2-shaped token for NHS staff acting in one role at {@code org} with the given activity codes. */
    public String staff(String subject, String org, String roleCode, List<String> activities, Duration lifetime) {
        String roleId = "555" + Math.abs(subject.hashCode());
        Map<String, Object> role = new HashMap<>();
        role.put("person_roleid", roleId);
        role.put("org_code", org);
        role.put("role_code", roleCode);
        role.put("activity_codes", activities);
        return sign(base(subject, lifetime).claim("selected_roleid", roleId).claim("nhsid_nrbac_roles", List.of(role)).build());
    }

    private static JWTClaimsSet.Builder base(String subject, Duration lifetime) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)));
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign with this secret: " + e.getMessage(), e);
        }
    }

    /** {@code java -jar opencpis.jar token ROLE [ORG]}: prints one token valid for 8 hours. */
    static int command(String[] args, StartupSettings settings) {
        if (args.length < 2) {
            System.err.println("usage: token LA|ADMIN|AUDITOR|B0107|B0170 [ORG_ODS_CODE]");
            return 2;
        }
        String role = args[1];
        String org = args.length > 2 ? args[2] : defaultOrg(role);
        DevelopmentTokens tokens = new DevelopmentTokens(settings.signingSecret());
        Duration lifetime = Duration.ofHours(8);
        switch (role) {
            case "LA", "ADMIN", "AUDITOR" -> System.out.println(tokens.service("dev-" + role.toLowerCase(), role, org, lifetime));
            case "B0107", "B0170" -> System.out.println(tokens.staff("dev-clinician-" + role, org, "S8000:G8000:R8000", List.of(role), lifetime));
            default -> {
                System.err.println("unknown role " + role + ": use LA, ADMIN, AUDITOR, B0107 or B0170");
                return 2;
            }
        }
        return 0;
    }

    private static String defaultOrg(String role) {
        return switch (role) {
            case "LA" -> "706";
            case "B0107", "B0170" -> "RXX";
            default -> "OPENCPIS";
        };
    }
}
