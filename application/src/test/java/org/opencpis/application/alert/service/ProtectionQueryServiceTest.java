package org.opencpis.application.alert.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.opencpis.application.testing.TestData.CAMDEN;
import static org.opencpis.application.testing.TestData.HOSPITAL;
import static org.opencpis.application.testing.TestData.ISLINGTON;
import static org.opencpis.application.testing.TestData.key;
import static org.opencpis.application.testing.TestData.record;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencpis.application.alert.port.in.QueryProtectionUseCase.ResponsibleRecord;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.testing.DirectTransactions;
import org.opencpis.application.testing.InMemoryAccessEvents;
import org.opencpis.application.testing.InMemoryAccessNotifications;
import org.opencpis.application.testing.InMemoryAuditTrail;
import org.opencpis.application.testing.InMemoryOrganisations;
import org.opencpis.application.testing.InMemoryProtectionRecords;
import org.opencpis.application.testing.MutableClock;
import org.opencpis.application.testing.PlanDetailsBuilder;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.alert.AccessEvent;
import org.opencpis.domain.alert.AccessKind;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.ChainedAuditEntry;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

class ProtectionQueryServiceTest {
    private final MutableClock clock = MutableClock.at("2025-03-10T10:00:00.123456Z");
    private final LocalDate today = clock.today();
    private final InMemoryProtectionRecords records = new InMemoryProtectionRecords();
    private final InMemoryOrganisations organisations = new InMemoryOrganisations();
    private final InMemoryAccessEvents events = new InMemoryAccessEvents();
    private final InMemoryAccessNotifications notifications = new InMemoryAccessNotifications();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final ProtectionQueryService service = new ProtectionQueryService(records, organisations, events, notifications,
            audit, new DirectTransactions(), clock);

    private final RequestContext clinician = TestData.clinicianContext();
    private final NhsNumber child = TestData.nhsNumber(1);
    private final Organisation islington = TestData.localAuthority(ISLINGTON);
    private final Organisation camden = TestData.localAuthority(CAMDEN);

    @BeforeEach
    void registerOrganisations() {
        organisations.save(islington);
        organisations.save(camden);
        organisations.save(TestData.nhsOrganisation(HOSPITAL));
    }

    private ProtectionRecord stored(ProtectionRecord record) {
        records.insertIfAbsent(record);
        return record;
    }

    private ProtectionRecord stored(OdsCode localAuthority, PlanType type) {
        return stored(record(key(localAuthority, 1, type)));
    }

    private ProtectionRecord endedDaysAgo(OdsCode localAuthority, PlanType type, int days) {
        return stored(record(key(localAuthority, 1, type), PlanDetailsBuilder.planFor(type).endingOn(today.minusDays(days)).build()));
    }

    private List<ResponsibleRecord> query(AccessKind kind) {
        return service.query(clinician, child, kind);
    }

    private AuditEntry lastAudit() {
        List<ChainedAuditEntry> entries = audit.entries();
        return entries.get(entries.size() - 1).entry();
    }

    // --- what is answered

    @Test
    void aVisibleRecordIsAnsweredWithItsLocalAuthority() {
        ProtectionRecord cpp = stored(ISLINGTON, PlanType.CPP);

        assertEquals(List.of(new ResponsibleRecord(cpp, islington)), query(AccessKind.UNSCHEDULED));
    }

    @ParameterizedTest(name = "{0} ended {1} days ago visible: {2}")
    @CsvSource({
            "CPP, 0, true", "CPP, 363, true", "CPP, 364, false", "CPP, 365, false",
            "LAC, 363, true", "LAC, 364, false",
            "UCPP, 27, true", "UCPP, 28, false", "UCPP, 29, false"})
    void anEndedRecordIsAnsweredOnlyWithinItsWindow(PlanType type, int daysAgo, boolean visible) {
        ProtectionRecord ended = endedDaysAgo(ISLINGTON, type, daysAgo);

        List<ResponsibleRecord> answer = query(AccessKind.UNSCHEDULED);

        assertEquals(visible ? List.of(new ResponsibleRecord(ended, islington)) : List.of(), answer);
        assertEquals(visible ? 1 : 0, events.all().size());
        assertEquals(visible ? 1 : 0, notifications.all().size());
    }

    @Test
    void aWithdrawnRecordIsNotAnswered() {
        records.update(stored(ISLINGTON, PlanType.CPP).withdraw(today));

        assertEquals(List.of(), query(AccessKind.UNSCHEDULED));
        assertEquals("NOT_ON_REGISTER", lastAudit().outcome());
    }

    @Test
    void recordsOfOtherPeopleAreNotAnswered() {
        stored(record(key(ISLINGTON, 2, PlanType.CPP)));

        assertEquals(List.of(), query(AccessKind.UNSCHEDULED));
    }

    @Test
    void everyLocalAuthoritysVisibleRecordsAreAnswered() {
        ProtectionRecord islingtonCpp = stored(ISLINGTON, PlanType.CPP);
        ProtectionRecord islingtonLac = stored(ISLINGTON, PlanType.LAC);
        ProtectionRecord camdenUcpp = stored(CAMDEN, PlanType.UCPP);
        endedDaysAgo(CAMDEN, PlanType.CPP, 400);

        assertEquals(Set.of(new ResponsibleRecord(islingtonCpp, islington), new ResponsibleRecord(islingtonLac, islington),
                        new ResponsibleRecord(camdenUcpp, camden)),
                Set.copyOf(query(AccessKind.SILENT)));
    }

    // --- the access event and its notifications

    @Test
    void anUnscheduledQueryRecordsOneAccessAndNotifiesEachResponsibleLocalAuthorityOnce() {
        stored(ISLINGTON, PlanType.LAC);
        stored(ISLINGTON, PlanType.CPP);
        stored(CAMDEN, PlanType.UCPP);

        query(AccessKind.UNSCHEDULED);

        AccessEvent access = new AccessEvent(events.all().get(0).id(), child, clock.instant(), clinician.actor(),
                "NHS Trust " + HOSPITAL);
        assertEquals(List.of(access), events.all());
        List<AccessNotification> stored = notifications.all();
        assertEquals(Set.of(
                        new AccessNotification(idFor(stored, ISLINGTON), ISLINGTON, PlanType.CPP, access, null),
                        new AccessNotification(idFor(stored, CAMDEN), CAMDEN, PlanType.UCPP, access, null)),
                Set.copyOf(stored));
        assertEquals(2, stored.size());
        assertNotEquals(idFor(stored, ISLINGTON), idFor(stored, CAMDEN));
    }

    private static UUID idFor(List<AccessNotification> stored, OdsCode localAuthority) {
        return stored.stream().filter(notification -> notification.localAuthority().equals(localAuthority))
                .findFirst().orElseThrow().notificationId();
    }

    @Test
    void onlyTheLocalAuthoritiesOfVisibleRecordsAreNotified() {
        stored(ISLINGTON, PlanType.CPP);
        endedDaysAgo(CAMDEN, PlanType.CPP, 365);
        records.update(stored(CAMDEN, PlanType.LAC).withdraw(today));

        query(AccessKind.UNSCHEDULED);

        assertEquals(List.of(ISLINGTON), notifications.all().stream().map(AccessNotification::localAuthority).toList());
    }

    @Test
    void eachUnscheduledQueryIsAnAccessOfItsOwn() {
        stored(ISLINGTON, PlanType.CPP);

        query(AccessKind.UNSCHEDULED);
        clock.advance(Duration.ofMinutes(1));
        query(AccessKind.UNSCHEDULED);

        assertEquals(2, events.all().size());
        assertEquals(2, notifications.all().size());
    }

    @Test
    void theAccessNamesNoOrganisationWhenTheAccessorsIsNotRegistered() {
        stored(ISLINGTON, PlanType.CPP);
        RequestContext unregistered = new RequestContext(
                new Actor("555000111333", new OdsCode("RXX"), "R8000", "555254242107"), "req-x");

        service.query(unregistered, child, AccessKind.UNSCHEDULED);

        assertNull(events.all().get(0).organisationName());
    }

    @Test
    void aSilentReadRecordsNoAccessAndNotifiesNobody() {
        stored(ISLINGTON, PlanType.CPP);
        stored(CAMDEN, PlanType.CPP);

        assertEquals(2, query(AccessKind.SILENT).size());

        assertEquals(List.of(), events.all());
        assertEquals(List.of(), notifications.all());
    }

    @ParameterizedTest
    @EnumSource(AccessKind.class)
    void aPersonNotOnTheRegisterLeavesNoAccessAndNoNotification(AccessKind kind) {
        stored(record(key(ISLINGTON, 2, PlanType.CPP)));

        assertEquals(List.of(), query(kind));

        assertEquals(List.of(), events.all());
        assertEquals(List.of(), notifications.all());
    }

    // --- audit

    @ParameterizedTest
    @EnumSource(AccessKind.class)
    void aQueryOfAPersonOnTheRegisterIsAuditedWithHowManyRecordsWereFound(AccessKind kind) {
        stored(ISLINGTON, PlanType.CPP);
        stored(ISLINGTON, PlanType.LAC);
        stored(CAMDEN, PlanType.UCPP);

        query(kind);

        assertEquals(List.of(new AuditEntry(clock.instant(), clinician.actor(), "CPIS_QUERY:" + kind, child,
                clinician.requestId(), "FOUND:3")), audit.entries().stream().map(ChainedAuditEntry::entry).toList());
    }

    @ParameterizedTest
    @EnumSource(AccessKind.class)
    void aQueryOfAPersonNotOnTheRegisterIsAudited(AccessKind kind) {
        endedDaysAgo(ISLINGTON, PlanType.UCPP, 28);

        query(kind);

        assertEquals(List.of(new AuditEntry(clock.instant(), clinician.actor(), "CPIS_QUERY:" + kind, child,
                clinician.requestId(), "NOT_ON_REGISTER")), audit.entries().stream().map(ChainedAuditEntry::entry).toList());
    }

    // --- access history

    @Test
    void theHistoryHoldsTheMostRecentUnscheduledAccessesNewestFirst() {
        stored(ISLINGTON, PlanType.CPP);
        stored(record(key(ISLINGTON, 2, PlanType.CPP)));
        List<AccessEvent> newestFirst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofMinutes(1));
            query(AccessKind.UNSCHEDULED);
            newestFirst.add(0, events.all().get(events.all().size() - 1));
            query(AccessKind.SILENT);
            service.query(clinician, TestData.nhsNumber(2), AccessKind.UNSCHEDULED);
        }

        List<AccessEvent> history = service.history(clinician, child);

        assertEquals(ProtectionQueryService.HISTORY_SIZE, history.size());
        assertEquals(newestFirst.subList(0, 25), history);
    }

    @Test
    void readingTheHistoryIsAudited() {
        stored(ISLINGTON, PlanType.CPP);
        query(AccessKind.UNSCHEDULED);
        query(AccessKind.UNSCHEDULED);
        RequestContext reader = TestData.clinicianContext();
        clock.advance(Duration.ofSeconds(1));

        service.history(reader, child);

        assertEquals(new AuditEntry(clock.instant(), reader.actor(), "ACCESS_HISTORY_READ", child, reader.requestId(),
                "FOUND:2"), lastAudit());
    }

    @Test
    void theHistoryOfAPersonNeverAccessedIsEmptyAndStillAudited() {
        assertEquals(List.of(), service.history(clinician, child));
        assertEquals("ACCESS_HISTORY_READ FOUND:0", lastAudit().action() + " " + lastAudit().outcome());
    }
}
