package org.opencpis.application.plan.service;

import org.opencpis.application.testing.InMemoryCohorts;
import org.opencpis.application.cohort.service.CohortMembership;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.application.testing.TestData.CAMDEN;
import static org.opencpis.application.testing.TestData.HOSPITAL;
import static org.opencpis.application.testing.TestData.ISLINGTON;
import static org.opencpis.application.testing.TestData.key;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencpis.application.plan.port.in.PlanRejected;
import org.opencpis.application.plan.port.in.PlanView;
import org.opencpis.application.plan.port.in.RecordPlanUseCase.Change;
import org.opencpis.application.plan.port.in.RecordPlanUseCase.RecordPlanResult;
import org.opencpis.application.plan.port.out.Verification;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.testing.DirectTransactions;
import org.opencpis.application.testing.InMemoryAuditTrail;
import org.opencpis.application.testing.InMemoryOrganisations;
import org.opencpis.application.testing.InMemoryProtectionRecords;
import org.opencpis.application.testing.MutableClock;
import org.opencpis.application.testing.PlanDetailsBuilder;
import org.opencpis.application.testing.StubDemographics;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.ChainedAuditEntry;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.plan.RecordStatus;
import org.opencpis.domain.shared.OdsCode;

class PlanServiceTest {
    private static final PageRequest FIRST_PAGE = new PageRequest(0, 50);

    private final MutableClock clock = MutableClock.at("2025-03-10T10:00:00Z");
    private final LocalDate today = clock.today();
    private final InMemoryProtectionRecords records = new InMemoryProtectionRecords();
    private final InMemoryOrganisations organisations = new InMemoryOrganisations();
    private final StubDemographics pds = new StubDemographics();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final PlanService plans = new PlanService(records, new CohortMembership(new InMemoryCohorts(records), clock), organisations, pds, audit, new DirectTransactions(), clock);

    private final RequestContext islington = TestData.laContext(ISLINGTON);
    private final RequestContext camden = TestData.laContext(CAMDEN);
    private final RecordKey childOnCpp = key(ISLINGTON, 1, PlanType.CPP);
    private final PlanDetails openCpp = PlanDetailsBuilder.planFor(PlanType.CPP).build();

    @BeforeEach
    void registerOrganisations() {
        organisations.save(TestData.localAuthority(ISLINGTON));
        organisations.save(TestData.localAuthority(CAMDEN));
        organisations.save(TestData.nhsOrganisation(HOSPITAL));
    }

    private AuditEntry lastAudit() {
        List<ChainedAuditEntry> entries = audit.entries();
        return entries.get(entries.size() - 1).entry();
    }

    private List<String> auditOutcomes() {
        return audit.entries().stream().map(chained -> chained.entry().action() + " " + chained.entry().outcome()).toList();
    }

    // --- recording

    @Test
    void aNewPlanIsCreatedActiveAndAudited() {
        RecordPlanResult result = plans.record(islington, childOnCpp, openCpp);

        assertEquals(Change.CREATED, result.change());
        assertEquals(RecordStatus.ACTIVE, result.plan().status());
        assertEquals(childOnCpp, result.record().key());
        assertEquals(openCpp, result.record().details());
        assertEquals(List.of(result.record()), records.all());
        assertEquals(new AuditEntry(clock.instant(), islington.actor(), "PLAN_RECORD:CPP", childOnCpp.nhsNumber(),
                islington.requestId(), "CREATED"), lastAudit());
    }

    @Test
    void theSameDetailsAgainChangeNothing() {
        ProtectionRecord created = plans.record(islington, childOnCpp, openCpp).record();

        RecordPlanResult again = plans.record(islington, childOnCpp, openCpp);

        assertEquals(Change.UNCHANGED, again.change());
        assertEquals(created, again.record());
        assertEquals(List.of(created), records.all());
        assertEquals("PLAN_RECORD:CPP UNCHANGED", auditOutcomes().get(1));
    }

    @Test
    void newDetailsUpdateTheRecordInPlace() {
        ProtectionRecord created = plans.record(islington, childOnCpp, openCpp).record();
        PlanDetails ended = PlanDetailsBuilder.planFor(PlanType.CPP).endingOn(today).localId("C-1").build();

        RecordPlanResult updated = plans.record(islington, childOnCpp, ended);

        assertEquals(Change.UPDATED, updated.change());
        assertEquals(created.id(), updated.record().id());
        assertEquals(ended, updated.record().details());
        assertEquals(RecordStatus.ENDED, updated.plan().status());
        assertEquals(List.of(updated.record()), records.all());
        assertEquals(List.of("PLAN_RECORD:CPP CREATED", "PLAN_RECORD:CPP UPDATED"), auditOutcomes());
    }

    @Test
    void anUnregisteredLocalAuthorityIsRejected() {
        RequestContext unknown = TestData.laContext(new OdsCode("999"));

        PlanRejected rejected = assertThrows(PlanRejected.class,
                () -> plans.record(unknown, key(new OdsCode("999"), 1, PlanType.CPP), openCpp));

        assertEquals("UNKNOWN_ORGANISATION", rejected.code());
        assertEquals(List.of(), records.all());
        assertEquals("REJECTED_UNKNOWN_ORGANISATION", lastAudit().outcome());
        assertEquals(unknown.actor(), lastAudit().actor());
    }

    @Test
    void anOrganisationThatIsNotALocalAuthorityIsRejected() {
        PlanRejected rejected = assertThrows(PlanRejected.class,
                () -> plans.record(TestData.laContext(HOSPITAL), key(HOSPITAL, 1, PlanType.CPP), openCpp));

        assertEquals("UNKNOWN_ORGANISATION", rejected.code());
        assertEquals(List.of(), records.all());
    }

    @ParameterizedTest
    @EnumSource(value = RecordOutcome.class, names = {"CPR01", "CPR02", "CPR03", "CPR04", "CPR05"})
    void aPdsFailureIsRejectedWithItsCodeAndAudited(RecordOutcome outcome) {
        pds.answer(childOnCpp.nhsNumber(), outcome);

        PlanRejected rejected = assertThrows(PlanRejected.class, () -> plans.record(islington, childOnCpp, openCpp));

        assertEquals(outcome.name(), rejected.code());
        assertEquals(List.of(), records.all());
        assertEquals(new AuditEntry(clock.instant(), islington.actor(), "PLAN_RECORD:CPP", childOnCpp.nhsNumber(),
                islington.requestId(), "REJECTED_" + outcome.name()), lastAudit());
    }

    @Test
    void aSupersededNumberIsRejectedNamingTheNewNumber() {
        pds.answer(childOnCpp.nhsNumber(), new Verification(RecordOutcome.CPR05, TestData.nhsNumber(99), "superseded"));

        PlanRejected rejected = assertThrows(PlanRejected.class, () -> plans.record(islington, childOnCpp, openCpp));

        assertEquals("CPR05", rejected.code());
        assertTrue(rejected.getMessage().contains(TestData.nhsNumber(99).value()), rejected.getMessage());
    }

    @Test
    void anUnreachablePdsRejectsTheRecordAsUnverified() {
        pds.unavailable();

        PlanRejected rejected = assertThrows(PlanRejected.class, () -> plans.record(islington, childOnCpp, openCpp));

        assertEquals("PDS_UNAVAILABLE", rejected.code());
        assertEquals(List.of(), records.all());
        assertEquals("REJECTED_PDS_UNAVAILABLE", lastAudit().outcome());
    }

    @Test
    void aRejectedUpdateLeavesTheRecordAsItWas() {
        ProtectionRecord created = plans.record(islington, childOnCpp, openCpp).record();
        pds.answer(childOnCpp.nhsNumber(), RecordOutcome.CPR03);

        assertThrows(PlanRejected.class, () -> plans.record(islington, childOnCpp,
                PlanDetailsBuilder.planFor(PlanType.CPP).endingOn(today).build()));

        assertEquals(List.of(created), records.all());
    }

    // --- withdrawing

    @Test
    void aWithdrawnRecordIsHiddenAndTheKeyCanBeRecordedAfresh() {
        ProtectionRecord first = plans.record(islington, childOnCpp, openCpp).record();

        assertTrue(plans.withdraw(islington, childOnCpp));

        assertEquals(Optional.empty(), plans.read(islington, childOnCpp));
        assertEquals(List.of(), plans.list(islington, null, FIRST_PAGE).items());
        RecordPlanResult again = plans.record(islington, childOnCpp, openCpp);
        assertEquals(Change.CREATED, again.change());
        assertNotEquals(first.id(), again.record().id());
        assertEquals(List.of(first.withdraw(today), again.record()), records.all());
        assertTrue(auditOutcomes().contains("PLAN_WITHDRAW:CPP WITHDRAWN"));
    }

    @Test
    void withdrawingWhatIsNotThereIsFalseAndAudited() {
        assertFalse(plans.withdraw(islington, childOnCpp));

        assertEquals("PLAN_WITHDRAW:CPP NOT_FOUND", auditOutcomes().get(0));
    }

    // --- reading

    @Test
    void anLaReadsItsOwnRecordWithItsStatusToday() {
        ProtectionRecord created = plans.record(islington, childOnCpp, openCpp).record();

        assertEquals(Optional.of(new PlanView(created, RecordStatus.ACTIVE)), plans.read(islington, childOnCpp));
        assertEquals("PLAN_READ:CPP FOUND", auditOutcomes().get(1));
    }

    @Test
    void anotherLocalAuthoritysRecordIsNotFound() {
        plans.record(islington, childOnCpp, openCpp);

        assertEquals(Optional.empty(), plans.read(camden, key(CAMDEN, 1, PlanType.CPP)));
        assertEquals(List.of(), plans.list(camden, null, FIRST_PAGE).items());
        assertEquals(new AuditEntry(clock.instant(), camden.actor(), "PLAN_READ:CPP", childOnCpp.nhsNumber(),
                camden.requestId(), "NOT_FOUND"), audit.entries().get(1).entry());
    }

    @Test
    void aKeyNamingAnotherLocalAuthorityNeitherRevealsNorChangesItsRecord() {
        ProtectionRecord islingtons = plans.record(islington, childOnCpp, openCpp).record();

        assertEquals(Optional.empty(), plans.read(camden, childOnCpp));
        assertFalse(plans.withdraw(camden, childOnCpp));
        try {
            plans.record(camden, childOnCpp, PlanDetailsBuilder.planFor(PlanType.CPP).endingOn(today).build());
        } catch (RuntimeException refused) {
            // refusing is as good as recording Camden's own record: either way Islington's stays as it was
        }
        assertEquals(Optional.of(islingtons), records.findCurrentForUpdate(childOnCpp));
    }

    @Test
    void listingAuditsOneEntryPerRecordShown() {
        RecordKey first = key(ISLINGTON, 1, PlanType.CPP);
        RecordKey second = key(ISLINGTON, 2, PlanType.UCPP);
        RecordKey ended = key(ISLINGTON, 3, PlanType.LAC);
        plans.record(islington, second, PlanDetailsBuilder.planFor(PlanType.UCPP).build());
        plans.record(islington, first, openCpp);
        plans.record(islington, ended, PlanDetailsBuilder.planFor(PlanType.LAC).endingOn(today.minusDays(1)).build());
        plans.record(camden, key(CAMDEN, 4, PlanType.CPP), openCpp);
        int before = audit.entries().size();

        List<PlanView> listed = plans.list(islington, null, FIRST_PAGE).items();

        assertEquals(List.of(first, second, ended), listed.stream().map(view -> view.record().key()).toList());
        assertEquals(List.of(RecordStatus.ACTIVE, RecordStatus.ACTIVE, RecordStatus.ENDED),
                listed.stream().map(PlanView::status).toList());
        List<AuditEntry> listAudits = audit.entries().subList(before, audit.entries().size()).stream()
                .map(ChainedAuditEntry::entry).toList();
        assertEquals(List.of(first.nhsNumber(), second.nhsNumber(), ended.nhsNumber()),
                listAudits.stream().map(AuditEntry::nhsNumber).toList());
        assertEquals(List.of("PLAN_LIST:CPP", "PLAN_LIST:UCPP", "PLAN_LIST:LAC"),
                listAudits.stream().map(AuditEntry::action).toList());
        assertTrue(listAudits.stream().allMatch(entry -> entry.actor().equals(islington.actor())));
    }

    @Test
    void listingByStatusShowsAndAuditsOnlyThoseRecords() {
        RecordKey ended = key(ISLINGTON, 3, PlanType.LAC);
        plans.record(islington, childOnCpp, openCpp);
        plans.record(islington, ended, PlanDetailsBuilder.planFor(PlanType.LAC).endingOn(today).build());
        int before = audit.entries().size();

        List<PlanView> listed = plans.list(islington, RecordStatus.ENDED, FIRST_PAGE).items();

        assertEquals(List.of(ended), listed.stream().map(view -> view.record().key()).toList());
        assertEquals(before + 1, audit.entries().size());
        assertEquals(ended.nhsNumber(), lastAudit().nhsNumber());
    }
}
