package org.opencpis.application.upload.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencpis.application.cohort.service.CohortMembership;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.plan.port.out.RecordChanges;
import org.opencpis.application.plan.port.out.RecordChanges.StoredRecord;
import org.opencpis.application.testing.InMemoryCohorts;
import org.opencpis.application.testing.InMemoryProtectionRecords;
import org.opencpis.application.testing.MutableClock;
import org.opencpis.application.testing.PlanDetailsBuilder;
import org.opencpis.application.testing.TestData;
import org.opencpis.application.upload.service.RecordKeeping.Change;
import org.opencpis.application.upload.service.RecordKeeping.ToStore;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.shared.NhsNumber;

class RecordKeepingTest {
    private static final PlanDetails OPEN = PlanDetailsBuilder.planFor(PlanType.CPP).build();
    private static final PlanDetails ENDED = PlanDetailsBuilder.planFor(PlanType.CPP).endingOn(LocalDate.of(2024, 6, 30)).build();
    private static final PlanDetails OPEN_LAC = PlanDetailsBuilder.planFor(PlanType.LAC).build();

    private final List<String> calls = new ArrayList<>();

    private static RecordKey key(int n) {
        return TestData.key(ISLINGTON, n, PlanType.CPP);
    }

    private static ToStore toStore(RecordKey key, PlanDetails details) {
        return new ToStore(key, details, Placement.NONE);
    }

    private static RecordKeeping keeping(ProtectionRecords records, InMemoryProtectionRecords store) {
        return new RecordKeeping(records, new CohortMembership(new InMemoryCohorts(store), MutableClock.at("2025-03-10T10:00:00Z")));
    }

    private static InMemoryProtectionRecords storeHolding(RecordKey... keys) {
        InMemoryProtectionRecords store = new InMemoryProtectionRecords();
        for (RecordKey key : keys) {
            store.insertIfAbsent(TestData.record(key, OPEN));
        }
        return store;
    }

    private final List<ToStore> batch = List.of(
            toStore(key(1), OPEN),
            toStore(key(2), OPEN),
            toStore(key(10), OPEN),
            toStore(key(11), ENDED),
            toStore(key(1), ENDED),
            toStore(key(3), OPEN),
            toStore(TestData.key(ISLINGTON, 3, PlanType.LAC), OPEN_LAC),
            toStore(key(4), OPEN));

    @Test
    void storesARunOfDifferentChildrenInAFewStatementsAndStartsARunAtAChildsSecondRecord() {
        InMemoryProtectionRecords store = storeHolding(key(10), key(11));

        List<Change> changes = keeping(counting(store), store).storeAll(batch);

        assertEquals(List.of(Change.CREATED, Change.CREATED, Change.UNCHANGED, Change.UPDATED,
                Change.UPDATED, Change.CREATED, Change.CREATED, Change.CREATED), changes);
        assertEquals(List.of(
                "insertAllIfAbsent", "findAllCurrentForUpdate", "updateAll",
                "insertAllIfAbsent", "findAllCurrentForUpdate", "updateAll",
                "insertAllIfAbsent"), calls,
                "runs 1, 2, 10, 11 | 1, 3 | 3 (LAC), 4: at most three statements a run, one when all are new");
        assertEquals(7, store.all().size());
        assertEquals(ENDED, store.findCurrentForUpdate(key(1)).orElseThrow().details());
        assertEquals(ENDED, store.findCurrentForUpdate(key(11)).orElseThrow().details());
    }

    @Test
    void theOutcomesAndRecordsAreThoseOfStoringOneAfterAnother() {
        InMemoryProtectionRecords together = storeHolding(key(10), key(11));
        InMemoryProtectionRecords oneByOne = storeHolding(key(10), key(11));

        List<Change> batched = keeping(together, together).storeAll(batch);
        RecordKeeping alone = keeping(oneByOne, oneByOne);
        List<Change> sequential = batch.stream().map(one -> alone.storeAll(List.of(one)).get(0)).toList();

        assertEquals(sequential, batched);
        assertEquals(detailsByKey(oneByOne), detailsByKey(together));
    }

    private static List<String> detailsByKey(InMemoryProtectionRecords store) {
        return store.all().stream().map(ProtectionRecord::key).distinct()
                .map(key -> key + "=" + store.findCurrentForUpdate(key).orElseThrow().details()).sorted().toList();
    }

    private ProtectionRecords counting(ProtectionRecords records) {
        return (ProtectionRecords) Proxy.newProxyInstance(ProtectionRecords.class.getClassLoader(),
                new Class<?>[] {ProtectionRecords.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(records, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void onlyTheRecordsItCreatedAreToldAsNewSoTheirPlacementsNeedNoReplacing() {
        InMemoryProtectionRecords store = storeHolding(key(1));
        List<StoredRecord> told = new ArrayList<>();
        RecordChanges recording = new RecordChanges() {
            @Override
            public void recordStored(ProtectionRecord record, Placement pds) {
                recordsStored(List.of(new StoredRecord(record, pds)));
            }

            @Override
            public void recordsStored(List<StoredRecord> stored) {
                told.addAll(stored);
            }

            @Override
            public void personChanged(NhsNumber nhsNumber) {
            }
        };

        new RecordKeeping(store, recording).storeAll(List.of(toStore(key(1), ENDED), toStore(key(2), OPEN), toStore(key(3), OPEN)));

        assertEquals(List.of(false, true, true), told.stream().map(StoredRecord::created).toList());
    }
}
