package org.opencpis.application.cohort.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.opencpis.application.testing.TestData.CAMDEN;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencpis.application.cohort.port.out.Cohorts;
import org.opencpis.application.cohort.port.out.Cohorts.MembershipChange;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.plan.port.out.RecordChanges.StoredRecord;
import org.opencpis.application.testing.InMemoryCohorts;
import org.opencpis.application.testing.InMemoryProtectionRecords;
import org.opencpis.application.testing.MutableClock;
import org.opencpis.application.testing.PlanDetailsBuilder;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.cohort.Cohort;
import org.opencpis.domain.cohort.CohortCriteria;
import org.opencpis.domain.cohort.CohortId;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.SchoolUrn;

class CohortMembershipTest {
    private static final CohortId SCHOOL = new CohortId("school");
    private static final CohortId BOROUGH = new CohortId("borough");
    private static final SchoolUrn URN = new SchoolUrn("100001");
    private static final Placement GP = new Placement(new OdsCode("A81001"), null);
    private static final ProtectionRecord AT_SCHOOL = TestData.record(TestData.key(ISLINGTON, 1, PlanType.CPP),
            PlanDetailsBuilder.planFor(PlanType.CPP).schoolUrn(URN).build());

    /** A store with cohorts and a child (1) already at the school: stores the same records one at a time or together. */
    private static final class World {
        final MutableClock clock = MutableClock.at("2025-03-10T10:00:00Z");
        final InMemoryProtectionRecords records = new InMemoryProtectionRecords();
        final InMemoryCohorts cohorts = new InMemoryCohorts(records);
        /** The people whose placed records were read, in the order asked. */
        final List<NhsNumber> read = new ArrayList<>();
        final CohortMembership membership = new CohortMembership(readsObserved(), clock);

        World() {
            cohorts.save(new Cohort(SCHOOL, new OdsCode("RQX"), "School", new CohortCriteria(Set.of(URN), Set.of(), Set.of(), Set.of())),
                    clock.instant());
            cohorts.save(new Cohort(BOROUGH, new OdsCode("RQX"), "Islington", new CohortCriteria(Set.of(), Set.of(), Set.of(),
                    Set.of(ISLINGTON))), clock.instant());
            store(List.of(new StoredRecord(AT_SCHOOL, Placement.NONE)));
        }

        void store(List<StoredRecord> stored) {
            stored.forEach(one -> {
                if (!records.insertIfAbsent(one.record())) {
                    records.update(one.record());
                }
            });
            membership.recordsStored(stored);
        }

        private Cohorts readsObserved() {
            return (Cohorts) Proxy.newProxyInstance(Cohorts.class.getClassLoader(), new Class<?>[] {Cohorts.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("placedRecords")) {
                            @SuppressWarnings("unchecked")
                            Collection<NhsNumber> people = (Collection<NhsNumber>) args[0];
                            read.addAll(people);
                        }
                        try {
                            return method.invoke(cohorts, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        List<String> log(CohortId id) {
            return cohorts.changesSince(id, 0).stream().map(CohortMembershipTest::describe).toList();
        }
    }

    private static String describe(MembershipChange change) {
        return (change.joined() ? "+" : "-") + change.nhsNumber().value();
    }

    private static List<StoredRecord> batch() {
        ProtectionRecord leftSchool = AT_SCHOOL.revise(PlanDetailsBuilder.planFor(PlanType.CPP).build());
        ProtectionRecord joinsBoth = TestData.record(TestData.key(ISLINGTON, 2, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).schoolUrn(URN).build());
        ProtectionRecord elsewhere = TestData.record(TestData.key(CAMDEN, 3, PlanType.CPP));
        ProtectionRecord endedLongAgo = TestData.record(TestData.key(ISLINGTON, 4, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).schoolUrn(URN)
                        .startingOn(LocalDate.of(2019, 1, 10)).endingOn(LocalDate.of(2020, 1, 31)).build());
        return List.of(new StoredRecord(joinsBoth, GP), new StoredRecord(leftSchool, Placement.NONE),
                new StoredRecord(elsewhere, GP), new StoredRecord(endedLongAgo, Placement.NONE));
    }

    @Test
    void recordsOfDifferentPeopleStoredTogetherChangeMembershipsAsOneAfterAnother() {
        World together = new World();
        World oneByOne = new World();
        List<StoredRecord> stored = batch();

        together.store(stored);
        stored.forEach(one -> oneByOne.store(List.of(one)));

        NhsNumber first = TestData.nhsNumber(1);
        NhsNumber second = TestData.nhsNumber(2);
        assertEquals(List.of("+" + first.value(), "+" + second.value(), "-" + first.value()), together.log(SCHOOL));
        assertEquals(List.of("+" + first.value(), "+" + second.value()), together.log(BOROUGH));
        assertEquals(List.of(second), together.cohorts.members(SCHOOL));
        assertEquals(oneByOne.log(SCHOOL), together.log(SCHOOL));
        assertEquals(oneByOne.log(BOROUGH), together.log(BOROUGH));
        assertEquals(oneByOne.cohorts.changesSince(SCHOOL, 0).stream().map(MembershipChange::cursor).toList(),
                together.cohorts.changesSince(SCHOOL, 0).stream().map(MembershipChange::cursor).toList(),
                "the moves logged in the order of the records");
    }

    @Test
    void onlyPeopleInACohortOrPlacedWhereOneLooksHaveTheirRecordsRead() {
        World world = new World();
        world.read.clear();
        ProtectionRecord lacElsewhere = TestData.record(TestData.key(CAMDEN, 1, PlanType.LAC));
        ProtectionRecord nowhere = TestData.record(TestData.key(CAMDEN, 5, PlanType.CPP));
        ProtectionRecord joinsSchool = TestData.record(TestData.key(CAMDEN, 6, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).schoolUrn(URN).build());

        world.store(List.of(new StoredRecord(lacElsewhere, GP, true), new StoredRecord(nowhere, GP, true),
                new StoredRecord(joinsSchool, Placement.NONE, true)));

        NhsNumber first = TestData.nhsNumber(1);
        NhsNumber joiner = TestData.nhsNumber(6);
        assertEquals(List.of(first, joiner), world.read, "a member, and one placed where a cohort looks; not the child placed nowhere");
        assertEquals(List.of(first, joiner), world.cohorts.members(SCHOOL));
        assertEquals(List.of(first), world.cohorts.members(BOROUGH), "still placed in Islington by their other record");
    }

    @Test
    void twoRecordsOfOnePersonAreNotStoredTogether() {
        World world = new World();
        ProtectionRecord lac = TestData.record(TestData.key(ISLINGTON, 1, PlanType.LAC));

        assertThrows(IllegalArgumentException.class, () -> world.membership.recordsStored(List.of(
                new StoredRecord(AT_SCHOOL, Placement.NONE), new StoredRecord(lac, Placement.NONE))));
    }
}
