package org.opencpis.bootstrap.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.security.authentication.Authentication;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.rest.security.VerifiedTokens;
import org.opencpis.bootstrap.support.ApiTestBase;
import org.opencpis.bootstrap.support.Tokens;

/**
 * ADR 0013: a bearer token verified once is answered from memory while it lasts, the memory is
 * asked first, and every other token is still verified in full.
 */
class VerifiedTokensIT extends ApiTestBase {
    private static final String LA = "896";

    @BeforeAll
    void setUp() {
        registerLa(LA, "Memory Borough");
    }

    private VerifiedTokens verified() {
        return server.getApplicationContext().getBean(VerifiedTokens.class);
    }

    @Test
    void aVerifiedTokenIsRememberedWithTheAuthenticationItGave() {
        String token = Tokens.la(LA);
        assertEquals(200, api().get("/api/v1/organisations/" + LA, token).status());
        Authentication remembered = verified().find(token).orElseThrow();
        assertEquals("la-user-" + LA, remembered.getName());
        assertEquals(List.of("LA"), List.copyOf(remembered.getRoles()));
        assertEquals(LA, remembered.getAttributes().get("org"));
        assertEquals(200, api().get("/api/v1/organisations/" + LA, token).status(), "and accepted again from memory");
    }

    @Test
    void theMemoryIsAskedFirstAndItsAnswerIsStillAuthorised() {
        String planted = "planted-" + System.nanoTime();
        assertEquals(401, api().get("/api/v1/audit/verification", planted).status(), "not a JWT: refused");
        verified().remember(planted, Authentication.build("planted-auditor", List.of("AUDITOR"), Map.of("org", "OPENCPIS")),
                Instant.now().plusSeconds(30));
        assertEquals(200, api().get("/api/v1/audit/verification", planted).status(),
                "answered from memory, without Micronaut's JWT validator (which refuses it)");

        String plantedLa = "planted-la-" + System.nanoTime();
        verified().remember(plantedLa, Authentication.build("planted-la", List.of("LA"), Map.of("org", LA)),
                Instant.now().plusSeconds(30));
        assertEquals(403, api().get("/api/v1/audit/verification", plantedLa).status(),
                "a remembered authentication gets only what its roles allow");
    }

    @Test
    void everyOtherTokenIsStillVerified() {
        String valid = Tokens.la(LA);
        assertEquals(200, api().get("/api/v1/organisations/" + LA, valid).status());
        int inSignature = valid.length() - 10;
        char original = valid.charAt(inSignature);
        String tampered = valid.substring(0, inSignature) + (original == 'A' ? 'B' : 'A') + valid.substring(inSignature + 1);
        for (String token : List.of(tampered, Tokens.wrongKeyLa(LA), Tokens.unsignedLa(LA), Tokens.expiredLa(LA),
                Tokens.noExpiryLa(LA))) {
            assertEquals(401, api().get("/api/v1/organisations/" + LA, token).status(), token);
            assertTrue(verified().find(token).isEmpty(), "a refused token is never remembered");
        }
    }
}
