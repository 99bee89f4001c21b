package org.opencpis.adapters.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.security.authentication.Authentication;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencpis.application.testing.MutableClock;

class VerifiedTokensTest {
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private final MutableClock clock = new MutableClock(T0, ZoneOffset.UTC);
    private final VerifiedTokens verified = new VerifiedTokens(clock);
    private final Authentication alice = Authentication.build("alice", List.of("LA"), Map.of("org", "895"));

    @Test
    void onlyTheVeryTokenVerifiedIsFound() {
        verified.remember("header.alice.signature", alice, T0.plus(Duration.ofHours(1)));
        assertEquals(Optional.of(alice), verified.find("header.alice.signature"));
        assertEquals(Optional.empty(), verified.find("header.alice.signaturf"), "one character different");
        assertEquals(Optional.empty(), verified.find("header.alice.signature "), "one character more");
    }

    @Test
    void aTokenIsNotFoundOnceItsExpiryHasPassed() {
        verified.remember("token", alice, T0.plusSeconds(20));
        clock.set(T0.plusSeconds(19));
        assertTrue(verified.find("token").isPresent());
        clock.set(T0.plusSeconds(20));
        assertEquals(Optional.empty(), verified.find("token"), "exp is the first instant it is no longer valid");
        assertEquals(0, verified.size(), "and the lapsed entry is gone");
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterAMinute() {
        verified.remember("token", alice, T0.plus(Duration.ofHours(8)));
        clock.set(T0.plus(VerifiedTokens.LONGEST).minusMillis(1));
        assertTrue(verified.find("token").isPresent());
        clock.set(T0.plus(VerifiedTokens.LONGEST));
        assertEquals(Optional.empty(), verified.find("token"), "a key withdrawn from the JWKS is honoured for at most a minute");
    }

    @Test
    void anAlreadyExpiredTokenIsNotRemembered() {
        verified.remember("token", alice, T0);
        verified.remember("older", alice, T0.minusSeconds(1));
        assertEquals(0, verified.size());
    }

    @Test
    void theCacheNeverHoldsMoreThanItsCapacity() {
        for (int i = 0; i < VerifiedTokens.CAPACITY; i++) {
            verified.remember("short-" + i, alice, T0.plusSeconds(10));
        }
        assertEquals(VerifiedTokens.CAPACITY, verified.size());
        clock.set(T0.plusSeconds(10));
        verified.remember("fresh", alice, T0.plusSeconds(3600));
        assertEquals(1, verified.size(), "the lapsed entries made room");

        for (int i = 0; i < 2 * VerifiedTokens.CAPACITY; i++) {
            verified.remember("long-" + i, alice, T0.plusSeconds(3600));
            assertTrue(verified.size() <= VerifiedTokens.CAPACITY);
        }
        assertTrue(verified.find("long-" + (2 * VerifiedTokens.CAPACITY - 1)).isPresent(), "the newest is always kept");
    }
}
