package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.application.testing.TestData.CAMDEN;
import static org.opencpis.application.testing.TestData.ISLINGTON;
import static org.opencpis.application.testing.TestData.key;
import static org.opencpis.application.testing.TestData.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.plan.LacLegalStatus;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.RecordStatus;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.OdsCode;

/** What every {@link ProtectionRecords} must do. */
public abstract class ProtectionRecordsContractTest {
    protected static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private static final PageRequest ALL = new PageRequest(0, PageRequest.MAX_SIZE);

    private ProtectionRecords records;

    /** A new, empty store under test. */
    protected abstract ProtectionRecords createRecords();

    /** Runs port calls the way the services do: inside a transaction. */
    protected abstract Transactions transactions();

    @BeforeEach
    void createStore() {
        records = createRecords();
    }

    protected final <T> T tx(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    private ProtectionRecord stored(ProtectionRecord record) {
        assertTrue(tx(() -> records.insertIfAbsent(record)), "inserted");
        return record;
    }

    private Optional<ProtectionRecord> current(RecordKey key) {
        return tx(() -> records.findCurrentForUpdate(key));
    }

    private List<ProtectionRecord> listed(OdsCode localAuthority, RecordStatus status) {
        return tx(() -> records.listCurrent(localAuthority, status, TODAY, ALL)).items();
    }

    private Set<UUID> dueIds(LocalDate today) {
        return tx(() -> records.findDueForPurge(today, 100)).stream().map(ProtectionRecord::id).collect(Collectors.toSet());
    }

    private void withdraw(ProtectionRecord record, LocalDate on) {
        transactions().run(() -> records.update(record.withdraw(on)));
    }

    // --- insertIfAbsent and round-trips

    @Test
    void aStoredRecordComesBackWithEveryField() {
        ProtectionRecord lac = stored(record(key(ISLINGTON, 1, PlanType.LAC),
                PlanDetailsBuilder.fullPlanFor(PlanType.LAC).lacLegalStatus(LacLegalStatus.S20).build()));

        assertEquals(Optional.of(lac), current(lac.key()));
    }

    @Test
    void absentOptionalFieldsComeBackAbsent() {
        ProtectionRecord ucpp = stored(record(key(ISLINGTON, 1, PlanType.UCPP), PlanDetailsBuilder.planFor(PlanType.UCPP).build()));

        assertEquals(Optional.of(ucpp), current(ucpp.key()));
    }

    @Test
    void givenNamesKeepTheirOrderAndSpelling() {
        Subject subject = new Subject("O'Brien-Ní Dhónaill", List.of("Zoë", "Mary Ann", "Łucja", "Ann", "NULL", "{a,b}", "\"Bo\" \\ Jo"), LocalDate.of(2019, 12, 31));
        ProtectionRecord cpp = stored(record(key(ISLINGTON, 1, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).subject(subject).build()));

        assertEquals(subject, current(cpp.key()).orElseThrow().details().subject());
    }

    @Test
    void insertIfAbsentStoresNothingWhenACurrentRecordHoldsTheKey() {
        RecordKey key = key(ISLINGTON, 1, PlanType.CPP);
        ProtectionRecord first = stored(record(key));
        ProtectionRecord rival = record(key, PlanDetailsBuilder.planFor(PlanType.CPP).localId("rival").build());

        assertFalse(tx(() -> records.insertIfAbsent(rival)));

        assertEquals(Optional.of(first), current(key));
        assertEquals(List.of(first), listed(ISLINGTON, null));
    }

    @Test
    void theKeyIsTheLocalAuthorityNhsNumberAndPlanType() {
        ProtectionRecord islingtonCpp = stored(record(key(ISLINGTON, 1, PlanType.CPP)));
        ProtectionRecord islingtonLac = stored(record(key(ISLINGTON, 1, PlanType.LAC)));
        ProtectionRecord camdenCpp = stored(record(key(CAMDEN, 1, PlanType.CPP)));
        ProtectionRecord otherChild = stored(record(key(ISLINGTON, 2, PlanType.CPP)));

        for (ProtectionRecord record : List.of(islingtonCpp, islingtonLac, camdenCpp, otherChild)) {
            assertEquals(Optional.of(record), current(record.key()));
        }
        assertEquals(Optional.empty(), current(key(CAMDEN, 1, PlanType.LAC)));
    }

    @Test
    void aWithdrawnRecordDoesNotHoldItsKey() {
        RecordKey key = key(ISLINGTON, 1, PlanType.CPP);
        ProtectionRecord withdrawn = stored(record(key));
        withdraw(withdrawn, TODAY);

        assertEquals(Optional.empty(), current(key));
        ProtectionRecord again = stored(record(key));

        assertEquals(Optional.of(again), current(key));
    }

    // --- the batch writes

    @Test
    void insertAllIfAbsentStoresTheRecordsWhoseKeysAreFreeAndSaysWhich() {
        ProtectionRecord held = stored(record(key(ISLINGTON, 1, PlanType.CPP)));
        ProtectionRecord rival = record(held.key(), PlanDetailsBuilder.planFor(PlanType.CPP).localId("rival").build());
        ProtectionRecord lac = record(key(ISLINGTON, 2, PlanType.LAC), PlanDetailsBuilder.fullPlanFor(PlanType.LAC)
                .lacLegalStatus(LacLegalStatus.S20).build());
        ProtectionRecord cpp = record(key(CAMDEN, 2, PlanType.CPP));
        ProtectionRecord secondOfTheKey = record(cpp.key(), PlanDetailsBuilder.planFor(PlanType.CPP).localId("second").build());

        Set<UUID> inserted = tx(() -> records.insertAllIfAbsent(List.of(lac, rival, cpp, secondOfTheKey)));

        assertEquals(Set.of(lac.id(), cpp.id()), inserted, "the held key and the second of one key are not stored");
        assertEquals(Optional.of(held), current(held.key()));
        assertEquals(Optional.of(lac), current(lac.key()), "with every field");
        assertEquals(Optional.of(cpp), current(cpp.key()));
        assertEquals(Set.of(), tx(() -> records.insertAllIfAbsent(List.of())));
    }

    @Test
    void findAllCurrentForUpdateFindsTheCurrentRecordOfEachKeyThatHasOne() {
        ProtectionRecord cpp = stored(record(key(ISLINGTON, 1, PlanType.CPP), PlanDetailsBuilder.fullPlanFor(PlanType.CPP).build()));
        ProtectionRecord lac = stored(record(key(ISLINGTON, 1, PlanType.LAC)));
        ProtectionRecord camden = stored(record(key(CAMDEN, 2, PlanType.CPP)));
        withdraw(stored(record(key(ISLINGTON, 3, PlanType.CPP))), TODAY);
        stored(record(key(ISLINGTON, 4, PlanType.CPP)));

        Map<RecordKey, ProtectionRecord> found = tx(() -> records.findAllCurrentForUpdate(List.of(cpp.key(), lac.key(),
                camden.key(), key(ISLINGTON, 3, PlanType.CPP), key(CAMDEN, 1, PlanType.CPP))));

        assertEquals(Map.of(cpp.key(), cpp, lac.key(), lac, camden.key(), camden), found);
        assertEquals(Map.of(), tx(() -> records.findAllCurrentForUpdate(List.of())));
    }

    @Test
    void updateAllReplacesEachRecord() {
        ProtectionRecord first = stored(record(key(ISLINGTON, 1, PlanType.CPP)));
        ProtectionRecord second = stored(record(key(ISLINGTON, 2, PlanType.LAC), PlanDetailsBuilder.fullPlanFor(PlanType.LAC).build()));
        ProtectionRecord untouched = stored(record(key(ISLINGTON, 3, PlanType.CPP)));
        ProtectionRecord revised = first.revise(PlanDetailsBuilder.planFor(PlanType.CPP).endingOn(TODAY).build());
        ProtectionRecord withdrawn = second.withdraw(TODAY);

        transactions().run(() -> records.updateAll(List.of(revised, withdrawn)));

        assertEquals(Optional.of(revised), current(first.key()));
        assertEquals(Optional.empty(), current(second.key()));
        assertEquals(List.of(revised, untouched), listed(ISLINGTON, null));
    }

    @Test
    void updateAllFailsWhenARecordIsNotStored() {
        ProtectionRecord stored = stored(record(key(ISLINGTON, 1, PlanType.CPP)));
        ProtectionRecord neverStored = record(key(ISLINGTON, 2, PlanType.CPP));

        assertThrows(RuntimeException.class, () -> transactions().run(() -> records.updateAll(List.of(
                stored.revise(PlanDetailsBuilder.planFor(PlanType.CPP).localId("new").build()), neverStored))));
        assertEquals(Optional.empty(), current(neverStored.key()));
    }

    // --- update

    @Test
    void updateReplacesTheDetails() {
        ProtectionRecord original = stored(record(key(ISLINGTON, 1, PlanType.LAC), PlanDetailsBuilder.fullPlanFor(PlanType.LAC).build()));
        ProtectionRecord revised = original.revise(PlanDetailsBuilder.planFor(PlanType.LAC)
                .startingOn(LocalDate.of(2024, 2, 1)).lacLegalStatus(LacLegalStatus.S38)
                .subject(new Subject("Jones", List.of("Sam"), LocalDate.of(2016, 5, 6))).build());

        transactions().run(() -> records.update(revised));

        assertEquals(Optional.of(revised), current(original.key()));
    }

    @Test
    void updateRecordsAWithdrawal() {
        ProtectionRecord record = stored(record(key(ISLINGTON, 1, PlanType.CPP)));

        withdraw(record, TODAY);

        assertEquals(Optional.empty(), current(record.key()));
        assertEquals(List.of(record.withdraw(TODAY)), tx(() -> records.findDueForPurge(TODAY, 10)));
    }

    // --- listCurrent

    @Test
    void listCurrentHoldsOneLocalAuthoritysCurrentRecordsByNhsNumberThenPlanType() {
        ProtectionRecord child2Ucpp = stored(record(key(ISLINGTON, 2, PlanType.UCPP)));
        ProtectionRecord child1Lac = stored(record(key(ISLINGTON, 1, PlanType.LAC)));
        ProtectionRecord child2Cpp = stored(record(key(ISLINGTON, 2, PlanType.CPP)));
        ProtectionRecord child1Cpp = stored(record(key(ISLINGTON, 1, PlanType.CPP)));
        ProtectionRecord child3Lac = stored(record(key(ISLINGTON, 3, PlanType.LAC)));
        stored(record(key(CAMDEN, 1, PlanType.UCPP)));
        withdraw(stored(record(key(ISLINGTON, 0, PlanType.CPP))), TODAY);

        assertEquals(List.of(child1Cpp, child1Lac, child2Cpp, child2Ucpp, child3Lac), listed(ISLINGTON, null));
    }

    @Test
    void listCurrentPagesWithALookahead() {
        List<ProtectionRecord> all = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            all.add(stored(record(key(ISLINGTON, n, PlanType.CPP))));
        }

        assertEquals(new Page<>(all.subList(0, 2), true), page(0, 2));
        assertEquals(new Page<>(all.subList(2, 4), true), page(1, 2));
        assertEquals(new Page<>(all.subList(4, 5), false), page(2, 2));
        assertEquals(new Page<>(List.of(), false), page(3, 2));
        assertEquals(new Page<>(all, false), page(0, 5));
        assertEquals(new Page<>(all.subList(3, 5), false), page(1, 3));
    }

    private Page<ProtectionRecord> page(int page, int size) {
        return tx(() -> records.listCurrent(ISLINGTON, null, TODAY, new PageRequest(page, size)));
    }

    @Test
    void listCurrentFiltersByStatusOnTheGivenDay() {
        ProtectionRecord open = stored(record(key(ISLINGTON, 1, PlanType.CPP)));
        ProtectionRecord endsTomorrow = stored(record(key(ISLINGTON, 2, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).endingOn(TODAY.plusDays(1)).build()));
        ProtectionRecord endsToday = stored(record(key(ISLINGTON, 3, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).endingOn(TODAY).build()));
        ProtectionRecord endedLongAgo = stored(record(key(ISLINGTON, 4, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).endingOn(LocalDate.of(2024, 1, 20)).build()));
        withdraw(stored(record(key(ISLINGTON, 5, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).endingOn(TODAY.minusDays(1)).build())), TODAY);
        withdraw(stored(record(key(ISLINGTON, 6, PlanType.CPP))), TODAY);

        assertEquals(List.of(open, endsTomorrow), listed(ISLINGTON, RecordStatus.ACTIVE));
        assertEquals(List.of(endsToday, endedLongAgo), listed(ISLINGTON, RecordStatus.ENDED));
        assertEquals(List.of(open, endsTomorrow, endsToday, endedLongAgo), listed(ISLINGTON, null));
        assertEquals(List.of(), listed(ISLINGTON, RecordStatus.WITHDRAWN));
    }

    @Test
    void statusDependsOnTheDayAsked() {
        ProtectionRecord endsToday = stored(record(key(ISLINGTON, 1, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).endingOn(TODAY).build()));
        LocalDate yesterday = TODAY.minusDays(1);

        assertEquals(List.of(endsToday),
                tx(() -> records.listCurrent(ISLINGTON, RecordStatus.ACTIVE, yesterday, ALL)).items());
        assertEquals(List.of(),
                tx(() -> records.listCurrent(ISLINGTON, RecordStatus.ENDED, yesterday, ALL)).items());
    }

    // --- findCurrent

    @Test
    void findCurrentHoldsEveryLocalAuthoritysCurrentRecordsForTheNumber() {
        ProtectionRecord islingtonCpp = stored(record(key(ISLINGTON, 1, PlanType.CPP), PlanDetailsBuilder.fullPlanFor(PlanType.CPP).build()));
        ProtectionRecord islingtonLac = stored(record(key(ISLINGTON, 1, PlanType.LAC)));
        ProtectionRecord camdenUcpp = stored(record(key(CAMDEN, 1, PlanType.UCPP)));
        ProtectionRecord endedLongAgo = stored(record(key(CAMDEN, 1, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).endingOn(LocalDate.of(2024, 1, 20)).build()));
        withdraw(stored(record(key(CAMDEN, 1, PlanType.LAC))), TODAY);
        stored(record(key(ISLINGTON, 2, PlanType.CPP)));
        stored(record(key(CAMDEN, 0, PlanType.CPP)));

        assertEquals(Set.of(islingtonCpp, islingtonLac, camdenUcpp, endedLongAgo), currentFor(1));
    }

    @Test
    void findCurrentFindsNothingForANumberWithoutCurrentRecords() {
        withdraw(stored(record(key(ISLINGTON, 1, PlanType.CPP))), TODAY);
        stored(record(key(ISLINGTON, 2, PlanType.CPP)));

        assertEquals(Set.of(), currentFor(1));
        assertEquals(Set.of(), currentFor(3));
    }

    @Test
    void findCurrentFindsTheRecordThatReplacedAWithdrawnOne() {
        RecordKey key = key(ISLINGTON, 1, PlanType.CPP);
        withdraw(stored(record(key)), TODAY);
        ProtectionRecord replacement = stored(record(key));

        assertEquals(Set.of(replacement), currentFor(1));
        assertEquals(1, tx(() -> records.findCurrent(key.nhsNumber())).size());
    }

    private Set<ProtectionRecord> currentFor(int n) {
        return Set.copyOf(tx(() -> records.findCurrent(TestData.nhsNumber(n))));
    }

    // --- findDueForPurge and delete

    @Test
    void findDueForPurgeFollowsTheDomainDeleteDate() {
        ProtectionRecord open = stored(record(key(ISLINGTON, 1, PlanType.CPP)));
        ProtectionRecord cppExpiresToday = stored(record(key(ISLINGTON, 2, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).endingOn(TODAY.minusDays(364)).build()));
        ProtectionRecord cppExpiresTomorrow = stored(record(key(ISLINGTON, 3, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).endingOn(TODAY.minusDays(363)).build()));
        ProtectionRecord ucppExpiredYesterday = stored(record(key(CAMDEN, 4, PlanType.UCPP),
                PlanDetailsBuilder.planFor(PlanType.UCPP).endingOn(TODAY.minusDays(29)).build()));
        ProtectionRecord ucppExpiresTomorrow = stored(record(key(CAMDEN, 5, PlanType.UCPP),
                PlanDetailsBuilder.planFor(PlanType.UCPP).endingOn(TODAY.minusDays(27)).build()));
        ProtectionRecord explicitToday = stored(record(key(ISLINGTON, 6, PlanType.LAC),
                PlanDetailsBuilder.planFor(PlanType.LAC).deletedOn(TODAY).build()));
        ProtectionRecord explicitTomorrow = stored(record(key(ISLINGTON, 7, PlanType.LAC),
                PlanDetailsBuilder.planFor(PlanType.LAC).deletedOn(TODAY.plusDays(1)).build()));
        ProtectionRecord withdrawnToday = stored(record(key(ISLINGTON, 8, PlanType.CPP)));
        withdraw(withdrawnToday, TODAY);
        ProtectionRecord withdrawnTomorrow = stored(record(key(ISLINGTON, 9, PlanType.CPP)));
        withdraw(withdrawnTomorrow, TODAY.plusDays(1));

        assertEquals(Set.of(cppExpiresToday.id(), ucppExpiredYesterday.id(), explicitToday.id(), withdrawnToday.id()),
                dueIds(TODAY));
        assertEquals(Set.of(cppExpiresToday.id(), ucppExpiredYesterday.id(), explicitToday.id(), withdrawnToday.id(),
                        cppExpiresTomorrow.id(), ucppExpiresTomorrow.id(), explicitTomorrow.id(), withdrawnTomorrow.id()),
                dueIds(TODAY.plusDays(1)));
        assertFalse(dueIds(LocalDate.of(9999, 12, 31)).contains(open.id()), "an open plan is never due");
    }

    @Test
    void findDueForPurgeReturnsRecordsWithEveryFieldWithinTheLimit() {
        ProtectionRecord withdrawn = stored(record(key(ISLINGTON, 1, PlanType.LAC), PlanDetailsBuilder.fullPlanFor(PlanType.LAC).build()))
                .withdraw(TODAY);
        transactions().run(() -> records.update(withdrawn));
        for (int n = 2; n <= 4; n++) {
            stored(record(key(ISLINGTON, n, PlanType.CPP), PlanDetailsBuilder.planFor(PlanType.CPP).deletedOn(TODAY).build()));
        }

        List<ProtectionRecord> due = tx(() -> records.findDueForPurge(TODAY, 2));

        assertEquals(2, due.size());
        assertEquals(4, tx(() -> records.findDueForPurge(TODAY, 10)).size());
        assertTrue(tx(() -> records.findDueForPurge(TODAY, 10)).contains(withdrawn));
    }

    @Test
    void deleteRemovesTheRecord() {
        ProtectionRecord doomed = stored(record(key(ISLINGTON, 1, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).deletedOn(TODAY).build()));
        ProtectionRecord kept = stored(record(key(ISLINGTON, 2, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).deletedOn(TODAY).build()));

        transactions().run(() -> records.delete(doomed.id()));

        assertEquals(Optional.empty(), current(doomed.key()));
        assertEquals(List.of(kept), listed(ISLINGTON, null));
        assertEquals(Set.of(kept.id()), dueIds(TODAY));
        assertTrue(tx(() -> records.insertIfAbsent(record(doomed.key()))), "the key is free again");
    }
}
