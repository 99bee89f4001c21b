package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpis.application.cohort.port.out.Cohorts;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.cohort.Cohort;
import org.opencpis.domain.cohort.CohortCriteria;
import org.opencpis.domain.cohort.CohortId;
import org.opencpis.domain.cohort.Criterion;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.SchoolUrn;

/** What every {@link Cohorts} must do: definitions, placements, members with a numbered change log, and the push outbox. */
public abstract class CohortsContractTest {
    protected static final Instant T0 = Instant.parse("2025-03-10T10:15:30.123456Z");
    private static final Criterion SCHOOL = new Criterion(Criterion.Kind.SCHOOL_URN, "100001");
    private static final Criterion OTHER_SCHOOL = new Criterion(Criterion.Kind.SCHOOL_URN, "100002");
    private static final OdsCode OWNER = new OdsCode("RQX");

    private Cohorts cohorts;

    /** A new, empty store under test. */
    protected abstract Cohorts createCohorts();

    /** The records the placements refer to (placements need their record stored first). */
    protected abstract ProtectionRecords records();

    protected abstract Transactions transactions();

    @BeforeEach
    void createStore() {
        cohorts = createCohorts();
    }

    private <T> T tx(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    private void run(Runnable work) {
        transactions().run(work);
    }

    private static Cohort cohort(String id, String... urns) {
        return new Cohort(new CohortId(id), OWNER, "Cohort " + id, new CohortCriteria(
                Set.of(urns).stream().map(SchoolUrn::new).collect(java.util.stream.Collectors.toSet()), Set.of(), Set.of(), Set.of()));
    }

    private ProtectionRecord stored(int child) {
        ProtectionRecord record = TestData.record(TestData.key(ISLINGTON, child, PlanType.CPP));
        run(() -> records().insertIfAbsent(record));
        return record;
    }

    @Test
    void aCohortIsCreatedOnceAndRedefinedInPlace() {
        assertTrue(tx(() -> cohorts.save(cohort("c1", "100001"), T0)));
        assertFalse(tx(() -> cohorts.save(cohort("c1", "100002"), T0)));
        assertEquals(cohort("c1", "100002"), tx(() -> cohorts.find(new CohortId("c1"))).orElseThrow());
        assertTrue(tx(() -> cohorts.find(new CohortId("c2"))).isEmpty());
        assertTrue(tx(() -> cohorts.findForRead(new CohortId("c2"))).isEmpty());
    }

    @Test
    void cohortsAreFoundByAnyOfTheirCriteria() {
        run(() -> cohorts.save(cohort("c1", "100001", "100003"), T0));
        run(() -> cohorts.save(cohort("c2", "100002"), T0));
        assertEquals(List.of(new CohortId("c1")), tx(() -> cohorts.havingAny(Set.of(SCHOOL))).stream().map(Cohort::id).toList());
        assertEquals(Set.of(new CohortId("c1"), new CohortId("c2")), Set.copyOf(tx(() -> cohorts.havingAny(
                Set.of(SCHOOL, OTHER_SCHOOL))).stream().map(Cohort::id).toList()));
        assertTrue(tx(() -> cohorts.havingAny(Set.of(new Criterion(Criterion.Kind.SCHOOL_URN, "999999")))).isEmpty());
    }

    @Test
    void placementsAreReplacedAndFoundByCriterion() {
        ProtectionRecord record = stored(1);
        run(() -> cohorts.place(Map.of(record.id(), Set.of(SCHOOL))));
        run(() -> cohorts.place(Map.of(record.id(), Set.of(OTHER_SCHOOL))));
        List<Cohorts.PlacedRecord> placed = tx(() -> cohorts.placedRecords(List.of(record.key().nhsNumber())));
        assertEquals(List.of(new Cohorts.PlacedRecord(record, Set.of(OTHER_SCHOOL))), placed);
        assertEquals(Set.of(record.key().nhsNumber()), tx(() -> cohorts.placedBy(Set.of(OTHER_SCHOOL))));
        assertTrue(tx(() -> cohorts.placedBy(Set.of(SCHOOL))).isEmpty());
    }

    @Test
    void newRecordsArePlacedAndLaterReplacedLikeAnyOther() {
        ProtectionRecord first = stored(1);
        ProtectionRecord second = stored(2);
        run(() -> cohorts.placeNew(Map.of(first.id(), Set.of(SCHOOL), second.id(), Set.of(SCHOOL, OTHER_SCHOOL))));
        run(() -> cohorts.placeNew(Map.of()));

        assertEquals(Set.of(first.key().nhsNumber(), second.key().nhsNumber()), tx(() -> cohorts.placedBy(Set.of(SCHOOL))));
        run(() -> cohorts.place(Map.of(second.id(), Set.of(OTHER_SCHOOL))));
        assertEquals(Set.of(new Cohorts.PlacedRecord(first, Set.of(SCHOOL)), new Cohorts.PlacedRecord(second, Set.of(OTHER_SCHOOL))),
                Set.copyOf(tx(() -> cohorts.placedRecords(List.of(first.key().nhsNumber(), second.key().nhsNumber())))));
    }

    @Test
    void severalRecordsArePlacedAtOnceEachReplacingOnlyItsOwn() {
        ProtectionRecord first = stored(1);
        ProtectionRecord second = stored(2);
        ProtectionRecord third = stored(3);
        run(() -> cohorts.place(Map.of(first.id(), Set.of(SCHOOL), second.id(), Set.of(SCHOOL), third.id(), Set.of(SCHOOL))));

        run(() -> cohorts.place(Map.of(first.id(), Set.of(SCHOOL, OTHER_SCHOOL), second.id(), Set.of())));

        assertEquals(Set.of(new Cohorts.PlacedRecord(first, Set.of(SCHOOL, OTHER_SCHOOL)), new Cohorts.PlacedRecord(second, Set.of()),
                        new Cohorts.PlacedRecord(third, Set.of(SCHOOL))),
                Set.copyOf(tx(() -> cohorts.placedRecords(List.of(first.key().nhsNumber(), second.key().nhsNumber(),
                        third.key().nhsNumber())))));
        assertEquals(Set.of(first.key().nhsNumber(), third.key().nhsNumber()), tx(() -> cohorts.placedBy(Set.of(SCHOOL))));
        run(() -> cohorts.place(Map.of()));
    }

    @Test
    void joinersAndLeaversAreLoggedWithIncreasingCursors() {
        run(() -> cohorts.save(cohort("c1", "100001"), T0));
        CohortId id = new CohortId("c1");
        NhsNumber first = TestData.nhsNumber(1);
        NhsNumber second = TestData.nhsNumber(2);
        assertEquals(0, tx(() -> cohorts.latestCursor(id)));
        run(() -> cohorts.move(List.of(joins(id, second), joins(id, first)), T0));
        run(() -> cohorts.move(List.of(leaves(id, second)), T0));

        assertEquals(List.of(first), tx(() -> cohorts.members(id)));
        assertEquals(Map.of(first, Set.of(id)), tx(() -> cohorts.memberships(List.of(first, second))));
        List<Cohorts.MembershipChange> changes = tx(() -> cohorts.changesSince(id, 0));
        assertEquals(List.of(second, first, second), changes.stream().map(Cohorts.MembershipChange::nhsNumber).toList());
        assertEquals(List.of(true, true, false), changes.stream().map(Cohorts.MembershipChange::joined).toList());
        assertTrue(changes.get(0).cursor() < changes.get(1).cursor() && changes.get(1).cursor() < changes.get(2).cursor());
        assertEquals(changes.get(2).cursor(), tx(() -> cohorts.latestCursor(id)));
        assertEquals(List.of(changes.get(2)), tx(() -> cohorts.changesSince(id, changes.get(1).cursor())));
    }

    @Test
    void movesInOneGoAreLoggedInTheirOrderAcrossCohorts() {
        run(() -> cohorts.save(cohort("c1", "100001"), T0));
        run(() -> cohorts.save(cohort("c2", "100002"), T0));
        CohortId c1 = new CohortId("c1");
        CohortId c2 = new CohortId("c2");
        NhsNumber first = TestData.nhsNumber(1);
        NhsNumber second = TestData.nhsNumber(2);
        NhsNumber third = TestData.nhsNumber(3);
        run(() -> cohorts.move(List.of(joins(c1, third)), T0));

        run(() -> cohorts.move(List.of(joins(c2, second), leaves(c1, third), joins(c1, first), joins(c2, first)), T0));

        assertEquals(Map.of(first, Set.of(c1, c2), second, Set.of(c2)), tx(() -> cohorts.memberships(List.of(first, second, third))));
        assertEquals(Map.of(), tx(() -> cohorts.memberships(List.of())));
        List<Cohorts.MembershipChange> ofC1 = tx(() -> cohorts.changesSince(c1, 0));
        List<Cohorts.MembershipChange> ofC2 = tx(() -> cohorts.changesSince(c2, 0));
        assertEquals(List.of(third, third, first), ofC1.stream().map(Cohorts.MembershipChange::nhsNumber).toList());
        assertEquals(List.of(true, false, true), ofC1.stream().map(Cohorts.MembershipChange::joined).toList());
        assertEquals(List.of(second, first), ofC2.stream().map(Cohorts.MembershipChange::nhsNumber).toList());
        assertTrue(ofC2.get(0).cursor() < ofC1.get(1).cursor() && ofC1.get(1).cursor() < ofC1.get(2).cursor()
                && ofC1.get(2).cursor() < ofC2.get(1).cursor(), "cursors increase in the order of the moves");
    }

    @Test
    void aJoinerMustNotBeAMemberNorALeaverAnOutsider() {
        run(() -> cohorts.save(cohort("c1", "100001"), T0));
        CohortId id = new CohortId("c1");
        NhsNumber member = TestData.nhsNumber(1);
        run(() -> cohorts.move(List.of(joins(id, member)), T0));

        assertThrows(RuntimeException.class, () -> run(() -> cohorts.move(List.of(joins(id, member)), T0)));
        assertThrows(RuntimeException.class, () -> run(() -> cohorts.move(List.of(leaves(id, TestData.nhsNumber(2))), T0)));
        assertEquals(List.of(member), tx(() -> cohorts.members(id)));
    }

    @Test
    void lockingPeopleTakesRepeatsAndNobody() {
        NhsNumber person = TestData.nhsNumber(1);
        run(() -> cohorts.lockPeople(List.of(TestData.nhsNumber(2), person, person)));
        run(() -> cohorts.lockPeople(List.of()));
    }

    private static Cohorts.Move joins(CohortId id, NhsNumber nhsNumber) {
        return new Cohorts.Move(id, nhsNumber, true);
    }

    private static Cohorts.Move leaves(CohortId id, NhsNumber nhsNumber) {
        return new Cohorts.Move(id, nhsNumber, false);
    }

    @Test
    void onlyCohortsWithUnpushedChangesAreClaimedAndPushedOnce() {
        run(() -> cohorts.save(cohort("quiet", "100001"), T0));
        run(() -> cohorts.save(cohort("busy", "100002"), T0));
        CohortId busy = new CohortId("busy");
        run(() -> cohorts.move(List.of(joins(busy, TestData.nhsNumber(1))), T0));
        long cursor = tx(() -> cohorts.latestCursor(busy));
        Duration lease = Duration.ofMinutes(5);

        var claimed = tx(() -> cohorts.claimDuePushes(T0.plusSeconds(1), lease, 10));
        assertEquals(List.of(new Cohorts.PushDue(busy, OWNER, 0)), claimed.stream().map(c -> c.message()).toList());
        assertTrue(tx(() -> cohorts.claimDuePushes(T0.plusSeconds(2), lease, 10)).isEmpty(), "leased");
        run(() -> cohorts.markPushed(busy, cursor, T0.plusSeconds(3)));
        assertTrue(tx(() -> cohorts.claimDuePushes(T0.plus(lease).plusSeconds(10), lease, 10)).isEmpty(), "nothing new");

        run(() -> cohorts.move(List.of(leaves(busy, TestData.nhsNumber(1))), T0));
        var again = tx(() -> cohorts.claimDuePushes(T0.plus(lease).plusSeconds(20), lease, 10));
        assertEquals(List.of(new Cohorts.PushDue(busy, OWNER, cursor)), again.stream().map(c -> c.message()).toList());
        run(() -> cohorts.retryPushLater(busy, T0.plus(Duration.ofHours(1))));
        assertTrue(tx(() -> cohorts.claimDuePushes(T0.plus(lease).plusSeconds(30), lease, 10)).isEmpty(), "due later");
        assertEquals(1, tx(() -> cohorts.claimDuePushes(T0.plus(Duration.ofHours(1)), lease, 10)).size());
    }
}
