package org.opencpis.application.upload.service;

import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.testing.MutableClock;
import org.opencpis.application.testing.InMemoryCohorts;
import org.opencpis.application.cohort.service.CohortMembership;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.testing.InMemoryProtectionRecords;
import org.opencpis.application.testing.PlanDetailsBuilder;
import org.opencpis.application.testing.TestData;
import org.opencpis.application.upload.service.RecordKeeping.Change;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.RecordKey;

class RecordKeepingTest {
    private final InMemoryProtectionRecords store = new InMemoryProtectionRecords();
    private final List<String> calls = new ArrayList<>();
    private final RecordKeeping keeping = new RecordKeeping(counting(store), new CohortMembership(new InMemoryCohorts(store), MutableClock.at("2025-03-10T10:00:00Z")));
    private final PlanDetails open = PlanDetailsBuilder.planFor(PlanType.CPP).build();
    private final PlanDetails ended = PlanDetailsBuilder.planFor(PlanType.CPP).endingOn(LocalDate.of(2024, 6, 30)).build();

    private static RecordKey key(int n) {
        return TestData.key(ISLINGTON, n, PlanType.CPP);
    }

    @Test
    void createsUpdatesOrLeavesAloneWhicheverOrderItGuesses() {
        store.insertIfAbsent(TestData.record(key(10), open));
        store.insertIfAbsent(TestData.record(key(11), open));
        calls.clear();

        assertEquals(Change.CREATED, keeping.store(key(1), open, Placement.NONE));
        assertEquals(Change.CREATED, keeping.store(key(2), open, Placement.NONE));
        assertEquals(Change.UNCHANGED, keeping.store(key(10), open, Placement.NONE), "guessed new, was not");
        assertEquals(Change.UPDATED, keeping.store(key(11), ended, Placement.NONE));
        assertEquals(Change.UNCHANGED, keeping.store(key(11), ended, Placement.NONE));
        assertEquals(Change.CREATED, keeping.store(key(3), open, Placement.NONE), "guessed existing, was new");

        assertEquals(5, store.all().size());
        assertEquals(ended, store.findCurrentForUpdate(key(11)).orElseThrow().details());
        assertEquals(List.of(
                "findCurrentForUpdate", "insertIfAbsent",
                "insertIfAbsent",
                "insertIfAbsent", "findCurrentForUpdate",
                "findCurrentForUpdate", "update",
                "findCurrentForUpdate",
                "findCurrentForUpdate", "insertIfAbsent"), calls,
                "one statement for a new record after a new one, and for an unchanged one after an existing one");
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
}
