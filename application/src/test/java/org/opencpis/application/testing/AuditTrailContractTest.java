package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpis.domain.audit.AuditSearch;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.audit.AuditChain;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.ChainedAuditEntry;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/** What every {@link AuditTrail} must do. */
public abstract class AuditTrailContractTest {
    protected static final Instant T0 = Instant.parse("2025-03-10T10:15:30.123456Z");
    private static final PageRequest ALL = new PageRequest(0, PageRequest.MAX_SIZE);
    private static final NhsNumber CHILD = TestData.nhsNumber(1);
    private static final NhsNumber OTHER_CHILD = TestData.nhsNumber(2);

    private AuditTrail trail;

    /** A new, empty trail under test. */
    protected abstract AuditTrail createTrail();

    /** Runs port calls the way the services do: inside a transaction. */
    protected abstract Transactions transactions();

    @BeforeEach
    void createStore() {
        trail = createTrail();
    }

    protected final <T> T tx(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    protected static AuditEntry entry(Instant at, NhsNumber nhsNumber) {
        return new AuditEntry(at, new Actor("clinician-1", new OdsCode("RRV"), "R8000", "555254242106"),
                "CARETEAM_QUERY", nhsNumber, "req-" + at.toEpochMilli(), "FOUND");
    }

    /** Records the entry, chains it, and answers it as chained. */
    private ChainedAuditEntry append(AuditEntry entry) {
        transactions().run(() -> trail.append(entry));
        assertEquals(1, chain(10));
        List<ChainedAuditEntry> chained = everything();
        return chained.get(chained.size() - 1);
    }

    private int chain(int limit) {
        return tx(() -> trail.chainRecorded(limit));
    }

    private static AuditEntry micros(AuditEntry entry) {
        return new AuditEntry(entry.at().truncatedTo(ChronoUnit.MICROS), entry.actor(), entry.action(), entry.nhsNumber(),
                entry.requestId(), entry.outcome());
    }

    private List<ChainedAuditEntry> everything() {
        List<ChainedAuditEntry> visited = new ArrayList<>();
        transactions().run(() -> trail.forEachInSequence(visited::add));
        return visited;
    }

    private List<ChainedAuditEntry> search(NhsNumber nhsNumber, Instant from, Instant to) {
        return tx(() -> trail.search(new AuditSearch(nhsNumber, from, to), ALL)).items();
    }

    @Test
    void theFirstEntryHasSequenceOneAndFollowsTheGenesisHash() {
        AuditEntry entry = entry(T0, CHILD);

        ChainedAuditEntry first = append(entry);

        assertEquals(AuditChain.append(1, entry, AuditChain.GENESIS), first);
        assertTrue(first.isIntact());
    }

    @Test
    void eachEntryIsChainedToTheOneBefore() {
        ChainedAuditEntry first = append(entry(T0, CHILD));
        ChainedAuditEntry second = append(entry(T0.plusSeconds(1), null));
        ChainedAuditEntry third = append(entry(T0.plusSeconds(2), OTHER_CHILD));

        assertEquals(List.of(1L, 2L, 3L), List.of(first.sequence(), second.sequence(), third.sequence()));
        assertEquals(first.hash(), second.previousHash());
        assertEquals(second.hash(), third.previousHash());
        assertTrue(second.isIntact() && third.isIntact());
    }

    @Test
    void entriesComeBackWithEveryField() {
        ChainedAuditEntry full = append(entry(T0, CHILD));
        ChainedAuditEntry sparse = append(new AuditEntry(T0.plusSeconds(1), Actor.system("purge"), "ORGANISATION_REGISTER:706",
                null, null, "CREATED"));

        assertEquals(List.of(full, sparse), everything());
        assertEquals(List.of(full, sparse), search(null, null, null));
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        ChainedAuditEntry micros = append(entry(Instant.parse("2025-03-10T10:15:30.000001Z"), CHILD));
        ChainedAuditEntry nanos = append(entry(Instant.parse("2025-03-10T10:15:30.999999999Z"), CHILD));

        assertEquals(Instant.parse("2025-03-10T10:15:30.999999Z"), nanos.entry().at());
        assertEquals(List.of(micros, nanos), everything());
        assertTrue(everything().stream().allMatch(ChainedAuditEntry::isIntact));
    }

    @Test
    void forEachInSequenceVisitsEveryEntryInOrder() {
        List<ChainedAuditEntry> appended = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            appended.add(append(entry(T0.minusSeconds(i), i % 2 == 0 ? CHILD : null)));
        }

        assertEquals(appended, everything());
    }

    @Test
    void recordedEntriesAreInvisibleUntilChained() {
        transactions().run(() -> trail.append(entry(T0, CHILD)));

        assertEquals(List.of(), everything());
        assertEquals(List.of(), search(CHILD, null, null));
        assertEquals(new AuditTrail.Head(0, AuditChain.GENESIS), tx(trail::head));

        assertEquals(1, chain(10));
        assertEquals(List.of(AuditChain.append(1, entry(T0, CHILD), AuditChain.GENESIS)), everything());
        assertEquals(0, chain(10), "an entry is chained once");
    }

    @Test
    void chainingTakesTheOldestRecordedFirstAndNoMoreThanItsLimit() {
        List<AuditEntry> recorded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // times out of order: the order recorded is what counts
            recorded.add(entry(T0.minusSeconds(i), i % 2 == 0 ? CHILD : null));
        }
        transactions().run(() -> recorded.forEach(trail::append));

        assertEquals(2, chain(2));
        assertEquals(List.of(1L, 2L), everything().stream().map(ChainedAuditEntry::sequence).toList());
        assertEquals(3, chain(10));

        List<ChainedAuditEntry> chained = everything();
        assertEquals(recorded.stream().map(AuditTrailContractTest::micros).toList(),
                chained.stream().map(ChainedAuditEntry::entry).toList());
        String previousHash = AuditChain.GENESIS;
        for (ChainedAuditEntry entry : chained) {
            assertEquals(previousHash, entry.previousHash());
            assertTrue(entry.isIntact());
            previousHash = entry.hash();
        }
        assertEquals(new AuditTrail.Head(5, previousHash), tx(trail::head));
    }

    @Test
    void appendAllRecordsEveryEntryInOrder() {
        List<AuditEntry> batch = List.of(entry(T0, CHILD), entry(T0.plusNanos(999_999_999), OTHER_CHILD), entry(T0, null));
        transactions().run(() -> trail.appendAll(batch));

        assertEquals(3, chain(10));
        assertEquals(batch.stream().map(AuditTrailContractTest::micros).toList(),
                everything().stream().map(ChainedAuditEntry::entry).toList(), "in order, times to the microsecond");
        assertTrue(everything().stream().allMatch(ChainedAuditEntry::isIntact));
    }

    @Test
    void theHeadFollowsTheLastAppend() {
        assertEquals(new AuditTrail.Head(0, AuditChain.GENESIS), tx(trail::head));
        append(entry(T0, CHILD));
        ChainedAuditEntry last = append(entry(T0.plusSeconds(1), CHILD));

        assertEquals(new AuditTrail.Head(2, last.hash()), tx(trail::head));
    }

    @Test
    void anEmptyTrailHasNothingToShow() {
        assertEquals(List.of(), everything());
        assertEquals(new Page<>(List.of(), false), tx(() -> trail.search(new AuditSearch(null, null, null), ALL)));
    }

    @Test
    void searchFindsOnePersonsEntriesOldestFirst() {
        ChainedAuditEntry first = append(entry(T0, CHILD));
        append(entry(T0.plusSeconds(1), OTHER_CHILD));
        append(entry(T0.plusSeconds(2), null));
        ChainedAuditEntry fourth = append(entry(T0.plusSeconds(3), CHILD));

        assertEquals(List.of(first, fourth), search(CHILD, null, null));
    }

    @Test
    void searchTakesFromInclusiveAndToExclusive() {
        ChainedAuditEntry early = append(entry(T0, CHILD));
        ChainedAuditEntry middle = append(entry(T0.plusNanos(1_000), OTHER_CHILD));
        ChainedAuditEntry late = append(entry(T0.plusNanos(2_000), CHILD));

        assertEquals(List.of(middle, late), search(null, middle.entry().at(), null));
        assertEquals(List.of(early, middle), search(null, null, late.entry().at()));
        assertEquals(List.of(middle), search(null, middle.entry().at(), late.entry().at()));
        assertEquals(List.of(late), search(CHILD, middle.entry().at(), null));
        assertEquals(List.of(), search(null, late.entry().at(), late.entry().at()));
    }

    @Test
    void searchPagesWithALookahead() {
        List<ChainedAuditEntry> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(append(entry(T0.plusSeconds(i), CHILD)));
            append(entry(T0.plusSeconds(i), OTHER_CHILD));
        }
        AuditSearch search = new AuditSearch(CHILD, null, null);

        assertEquals(new Page<>(mine.subList(0, 2), true), tx(() -> trail.search(search, new PageRequest(0, 2))));
        assertEquals(new Page<>(mine.subList(2, 4), true), tx(() -> trail.search(search, new PageRequest(1, 2))));
        assertEquals(new Page<>(mine.subList(4, 5), false), tx(() -> trail.search(search, new PageRequest(2, 2))));
        assertEquals(new Page<>(List.of(), false), tx(() -> trail.search(search, new PageRequest(3, 2))));
    }
}
