package org.opencpis.application.cohort.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpis.application.cohort.port.in.CohortAccessDenied;
import org.opencpis.application.cohort.port.in.CohortNotFound;
import org.opencpis.application.cohort.port.in.CohortRejected;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.testing.DirectTransactions;
import org.opencpis.application.testing.InMemoryAuditTrail;
import org.opencpis.application.testing.InMemoryCohorts;
import org.opencpis.application.testing.InMemoryOrganisations;
import org.opencpis.application.testing.InMemoryProtectionRecords;
import org.opencpis.application.testing.MutableClock;
import org.opencpis.application.testing.PlanDetailsBuilder;
import org.opencpis.application.testing.RecordingSpineMessaging;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.cohort.Cohort;
import org.opencpis.domain.cohort.CohortChanges;
import org.opencpis.domain.cohort.CohortCriteria;
import org.opencpis.domain.cohort.CohortId;
import org.opencpis.domain.cohort.CohortMember;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.organisation.OrganisationType;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;
import org.opencpis.domain.shared.SchoolUrn;

class CohortServiceTest {
    private static final OdsCode OWNER = new OdsCode("RQX");
    private static final CohortId SCHOOL = new CohortId("school");
    private static final RequestContext NURSE = new RequestContext(new Actor("nurse", OWNER, "B0170", "rp"), "req");

    private final MutableClock clock = MutableClock.at("2025-03-10T10:00:00Z");
    private final InMemoryProtectionRecords records = new InMemoryProtectionRecords();
    private final InMemoryCohorts cohorts = new InMemoryCohorts(records);
    private final InMemoryOrganisations organisations = new InMemoryOrganisations();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final RecordingSpineMessaging messaging = new RecordingSpineMessaging();
    private final DirectTransactions transactions = new DirectTransactions();
    private final CohortMembership membership = new CohortMembership(cohorts, clock);
    private final CohortService service = new CohortService(cohorts, membership, organisations, audit, transactions, clock);
    private final CohortPushRelay pushes = new CohortPushRelay(cohorts, service, organisations, messaging, transactions, clock);

    @BeforeEach
    void register() {
        organisations.save(TestData.localAuthority(ISLINGTON));
        organisations.save(new Organisation(OWNER, "0-19 service", OrganisationType.ZERO_TO_NINETEEN_SERVICE, null, null,
                "RQXMB", "secret"));
        service.define(TestData.adminContext(), new Cohort(SCHOOL, OWNER, "School", new CohortCriteria(
                Set.of(new SchoolUrn("100001")), Set.of(), Set.of(), Set.of())));
    }

    private ProtectionRecord store(int child, PlanDetailsBuilder details, Placement pds) {
        ProtectionRecord record = TestData.record(TestData.key(ISLINGTON, child, PlanType.CPP), details.build());
        records.insertIfAbsent(record);
        membership.recordStored(record, pds);
        return record;
    }

    private ProtectionRecord atSchool(int child) {
        return store(child, PlanDetailsBuilder.planFor(PlanType.CPP).schoolUrn(new SchoolUrn("100001")), Placement.NONE);
    }

    private void withdraw(ProtectionRecord record) {
        records.update(record.withdraw(clock.today()));
        membership.refresh(record.key().nhsNumber());
    }

    private static List<NhsNumber> numbers(List<CohortMember> members) {
        return members.stream().map(CohortMember::nhsNumber).toList();
    }

    @Test
    void thePdsPlacementCountsOnlyWhereTheLaGaveNone() {
        service.define(TestData.adminContext(), new Cohort(new CohortId("area"), OWNER, "Area", new CohortCriteria(
                Set.of(), Set.of(new OdsCode("Y01234")), Set.of(org.opencpis.domain.cohort.PostcodeDistrict.of("N1")), Set.of())));
        Placement pds = new Placement(new OdsCode("Y01234"), Postcode.of("N1 1AA"));
        store(1, PlanDetailsBuilder.planFor(PlanType.CPP), pds);
        store(2, PlanDetailsBuilder.planFor(PlanType.CPP).gpPractice(new OdsCode("F84003")).postcode(Postcode.of("E8 1AA")), pds);

        List<CohortMember> members = service.members(NURSE, new CohortId("area")).members();
        assertEquals(List.of(TestData.nhsNumber(1)), numbers(members));
        assertEquals(List.of("gpPractice:Y01234", "postcodeDistrict:N1"), members.get(0).matchedBy());
    }

    @Test
    void changesAreNettedPerChildAndReportedOnce() {
        ProtectionRecord leaving = atSchool(1);
        CohortChanges first = service.changes(NURSE, SCHOOL, OptionalLong.empty());
        assertEquals(List.of(TestData.nhsNumber(1)), numbers(first.joined()));

        withdraw(leaving);
        withdraw(atSchool(2));
        atSchool(3);
        CohortChanges next = service.changes(NURSE, SCHOOL, OptionalLong.of(first.cursor()));
        assertEquals(List.of(TestData.nhsNumber(3)), numbers(next.joined()));
        assertEquals(List.of(TestData.nhsNumber(1)), next.left());
        assertTrue(service.changes(NURSE, SCHOOL, OptionalLong.of(next.cursor())).isEmpty());
        assertThrows(CohortRejected.class, () -> service.changes(NURSE, SCHOOL, OptionalLong.of(next.cursor() + 1)));
    }

    @Test
    void onlyTheOwnersStaffReadAndEveryChildReadIsAudited() {
        atSchool(1);
        RequestContext other = new RequestContext(new Actor("nurse", new OdsCode("RYY"), "B0170", "rp"), "req");
        assertThrows(CohortAccessDenied.class, () -> service.members(other, SCHOOL));
        assertThrows(CohortNotFound.class, () -> service.members(NURSE, new CohortId("none")));
        int before = audit.entries().size();
        service.members(NURSE, SCHOOL);
        assertEquals(before + 1, audit.entries().size());
        assertEquals(TestData.nhsNumber(1), audit.entries().get(before).entry().nhsNumber());
        assertTrue(messaging.sent().isEmpty(), "a silent read notifies no one");
    }

    @Test
    void changesArePushedOnceAndAnUnchangedListIsNeverResent() {
        atSchool(1);
        assertEquals(1, pushes.deliverDue());
        assertEquals(0, pushes.deliverDue());
        clock.advance(Duration.ofHours(2));
        assertEquals(0, pushes.deliverDue(), "nothing changed");

        messaging.failFor(OWNER);
        atSchool(2);
        assertEquals(0, pushes.deliverDue());
        messaging.recover();
        clock.advance(Duration.ofSeconds(5));
        assertEquals(1, pushes.deliverDue());

        List<CohortChanges> sent = messaging.cohortChanges();
        assertEquals(2, sent.size());
        assertEquals(List.of(TestData.nhsNumber(1)), numbers(sent.get(0).joined()));
        assertEquals(List.of(TestData.nhsNumber(2)), numbers(sent.get(1).joined()));
    }
}
