package org.opencpis.adapters.rest.security;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a verified token of either shape into an authentication. NHS staff (CIS2 shape): the
 * {@code nhsid_nrbac_roles} entry whose {@code person_roleid} is {@code selected_roleid} is the
 * acting role; its activity codes are the permissions and its {@code org_code} the acting
 * organisation. Services (LA, ADMIN, AUDITOR): {@code roles} and {@code org}. A token that fits
 * neither shape authenticates no one (401).
 *
 * <p>Micronaut calls this only for a token whose signature and claims it has verified; the
 * authentication is remembered for that token ({@link VerifiedTokens}, ADR 0013).
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
public class OpenCpisJwtAuthenticationFactory implements JwtAuthenticationFactory {
    public static final String ORG = "org";
    public static final String ROLE_CODE = "roleCode";
    public static final String ROLE_PROFILE_ID = "roleProfileId";

    private static final Pattern ODS = Pattern.compile("[A-Z0-9]{1,9}");
    private static final Pattern ACTIVITY = Pattern.compile("B[0-9]{4}");

    private final VerifiedTokens verified;

    public OpenCpisJwtAuthenticationFactory(VerifiedTokens verified) {
        this.verified = verified;
    }

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        try {
            JWTClaimsSet claims = token.getJWTClaimsSet();
            Optional<Authentication> authentication = authenticate(claims);
            Date expiry = claims.getExpirationTime();
            if (authentication.isPresent() && expiry != null && token.getParsedString() != null) {
                verified.remember(token.getParsedString(), authentication.get(), expiry.toInstant());
            }
            return authentication;
        } catch (ParseException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private Optional<Authentication> authenticate(JWTClaimsSet claims) throws ParseException {
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        return claims.getClaim("selected_roleid") != null ? staff(subject, claims) : service(subject, claims);
    }

    private Optional<Authentication> staff(String subject, JWTClaimsSet claims) throws ParseException {
        String selected = claims.getStringClaim("selected_roleid");
        Object roles = claims.getClaim("nhsid_nrbac_roles");
        if (!(roles instanceof List<?> entries)) {
            return Optional.empty();
        }
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> role && selected.equals(role.get("person_roleid"))) {
                Object org = role.get("org_code");
                Object roleCode = role.get("role_code");
                if (!(org instanceof String orgCode) || !ODS.matcher(orgCode).matches() || !(roleCode instanceof String code)) {
                    return Optional.empty();
                }
                List<String> activities = role.get("activity_codes") instanceof List<?> codes
                        ? codes.stream().filter(String.class::isInstance).map(String.class::cast)
                                .filter(c -> ACTIVITY.matcher(c).matches()).toList()
                        : List.of();
                return Optional.of(Authentication.build(subject, activities,
                        Map.of(ORG, orgCode, ROLE_CODE, code, ROLE_PROFILE_ID, selected)));
            }
        }
        return Optional.empty();
    }

    private Optional<Authentication> service(String subject, JWTClaimsSet claims) throws ParseException {
        String org = claims.getStringClaim("org");
        List<String> roles = claims.getStringListClaim("roles");
        if (org == null || !ODS.matcher(org).matches() || roles == null) {
            return Optional.empty();
        }
        List<String> granted = roles.stream().filter(Roles.SERVICE_ROLES::contains).toList();
        return Optional.of(Authentication.build(subject, granted, Map.of(ORG, org)));
    }
}
