package org.opencpis.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.domain.audit.AuditEntryBuilder.anEntry;

import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

class AuditChainTest {
    private static final String PREVIOUS = "ab".repeat(32);

    @Test
    void genesisIsSixtyFourZeros() {
        assertEquals(64, AuditChain.GENESIS.length());
        assertTrue(AuditChain.GENESIS.chars().allMatch(c -> c == '0'));
    }

    @Test
    void theHashIsLowerCaseHexSha256() {
        String hash = AuditChain.hash(1, anEntry().build(), AuditChain.GENESIS);
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
    }

    @Test
    void theHashIsDeterministic() {
        assertEquals(AuditChain.hash(7, anEntry().build(), PREVIOUS), AuditChain.hash(7, anEntry().build(), PREVIOUS));
    }

    @Test
    void theHashIsPinnedSoStoredChainsStayVerifiable() {
        // A change to the canonical form would make every stored chain fail verification.
        assertEquals("4a158b269a5cfb24a1d83393733085ce87189d8ef2da339c433613d5bfffbb91",
                AuditChain.hash(1, anEntry().build(), AuditChain.GENESIS));
    }

    @Test
    void timeIsKeptToTheMicrosecondAsTheStoreKeepsIt() {
        Instant micros = Instant.parse("2025-06-15T10:15:30.123456Z");
        assertEquals(AuditChain.hash(1, anEntry().at(micros).build(), AuditChain.GENESIS),
                AuditChain.hash(1, anEntry().at(micros.plusNanos(789)).build(), AuditChain.GENESIS));
    }

    static Stream<Arguments> oneFieldChanged() {
        return Stream.of(
                Arguments.of("time", (UnaryOperator<AuditEntryBuilder>) b -> b.at(Instant.parse("2025-06-15T10:15:30.123457Z"))),
                Arguments.of("subject", (UnaryOperator<AuditEntryBuilder>) b -> b.by("555000000009")),
                Arguments.of("organisation", (UnaryOperator<AuditEntryBuilder>) b -> b.forOrganisation("RJ1")),
                Arguments.of("role", (UnaryOperator<AuditEntryBuilder>) b -> b.inRole("R8001")),
                Arguments.of("role profile", (UnaryOperator<AuditEntryBuilder>) b -> b.withRoleProfile("555000000003")),
                Arguments.of("role profile removed", (UnaryOperator<AuditEntryBuilder>) b -> b.withRoleProfile(null)),
                Arguments.of("action", (UnaryOperator<AuditEntryBuilder>) b -> b.doing("QUERY:SILENT")),
                Arguments.of("NHS number", (UnaryOperator<AuditEntryBuilder>) b -> b.about(new NhsNumber("9990000026"))),
                Arguments.of("NHS number removed", (UnaryOperator<AuditEntryBuilder>) b -> b.about(null)),
                Arguments.of("request id", (UnaryOperator<AuditEntryBuilder>) b -> b.inRequest("another-request")),
                Arguments.of("request id removed", (UnaryOperator<AuditEntryBuilder>) b -> b.inRequest(null)),
                Arguments.of("outcome", (UnaryOperator<AuditEntryBuilder>) b -> b.withOutcome("NOT_FOUND")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneFieldChanged")
    void changingAnyFieldChangesTheHash(String field, UnaryOperator<AuditEntryBuilder> change) {
        AuditEntry original = anEntry().build();
        AuditEntry changed = change.apply(anEntry()).build();
        assertNotEquals(original, changed);
        assertNotEquals(AuditChain.hash(3, original, PREVIOUS), AuditChain.hash(3, changed, PREVIOUS), field);
    }

    @Test
    void changingTheSequenceOrPreviousHashChangesTheHash() {
        AuditEntry entry = anEntry().build();
        String hash = AuditChain.hash(3, entry, PREVIOUS);
        assertNotEquals(hash, AuditChain.hash(4, entry, PREVIOUS));
        assertNotEquals(hash, AuditChain.hash(3, entry, AuditChain.GENESIS));
    }

    @Test
    void appendChainsTheEntryToThePreviousHash() {
        ChainedAuditEntry first = AuditChain.append(1, anEntry().build(), AuditChain.GENESIS);
        ChainedAuditEntry second = AuditChain.append(2, anEntry().withOutcome("NOT_FOUND").build(), first.hash());
        assertEquals(1, first.sequence());
        assertEquals(AuditChain.GENESIS, first.previousHash());
        assertEquals(AuditChain.hash(1, first.entry(), AuditChain.GENESIS), first.hash());
        assertEquals(first.hash(), second.previousHash());
        assertTrue(first.isIntact());
        assertTrue(second.isIntact());
    }

    @Test
    void anAlteredEntryIsNoLongerIntact() {
        ChainedAuditEntry stored = AuditChain.append(5, anEntry().build(), PREVIOUS);
        ChainedAuditEntry tampered = new ChainedAuditEntry(5, anEntry().withOutcome("NOT_FOUND").build(),
                stored.previousHash(), stored.hash());
        assertFalse(tampered.isIntact());
    }

    @Test
    void aMovedOrRelinkedEntryIsNoLongerIntact() {
        ChainedAuditEntry stored = AuditChain.append(5, anEntry().build(), PREVIOUS);
        assertFalse(new ChainedAuditEntry(6, stored.entry(), stored.previousHash(), stored.hash()).isIntact());
        assertFalse(new ChainedAuditEntry(5, stored.entry(), AuditChain.GENESIS, stored.hash()).isIntact());
        assertFalse(new ChainedAuditEntry(5, stored.entry(), stored.previousHash(), AuditChain.GENESIS).isIntact());
    }

    @Test
    void anEntryNeedsTimeActorActionAndOutcome() {
        Actor actor = Actor.system("test");
        Instant now = Instant.EPOCH;
        assertThrows(NullPointerException.class, () -> new AuditEntry(null, actor, "A", null, null, "OK"));
        assertThrows(NullPointerException.class, () -> new AuditEntry(now, null, "A", null, null, "OK"));
        assertThrows(NullPointerException.class, () -> new AuditEntry(now, actor, null, null, null, "OK"));
        assertThrows(NullPointerException.class, () -> new AuditEntry(now, actor, "A", null, null, null));
        assertEquals(new OdsCode("OPENCPIS"), new AuditEntry(now, actor, "A", null, null, "OK").actor().organisation());
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        assertNotEquals(
                AuditChain.hash(1, anEntry().inRole("R8000\u001fX").withRoleProfile("P").build(), AuditChain.GENESIS),
                AuditChain.hash(1, anEntry().inRole("R8000").withRoleProfile("X\u001fP").build(), AuditChain.GENESIS));
        assertNotEquals(
                AuditChain.hash(1, anEntry().inRole("R8000;1:").withRoleProfile("P").build(), AuditChain.GENESIS),
                AuditChain.hash(1, anEntry().inRole("R8000").withRoleProfile(";1:P").build(), AuditChain.GENESIS));
    }

    @Test
    void anAbsentFieldIsNotAnEmptyOne() {
        assertNotEquals(AuditChain.hash(1, anEntry().withRoleProfile(null).build(), AuditChain.GENESIS),
                AuditChain.hash(1, anEntry().withRoleProfile("").build(), AuditChain.GENESIS));
        assertNotEquals(AuditChain.hash(1, anEntry().inRequest(null).build(), AuditChain.GENESIS),
                AuditChain.hash(1, anEntry().inRequest("").build(), AuditChain.GENESIS));
    }
}
