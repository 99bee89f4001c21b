package org.opencpis.application.alert.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.application.testing.TestData.CAMDEN;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpis.application.testing.DirectTransactions;
import org.opencpis.application.testing.InMemoryAuditTrail;
import org.opencpis.application.testing.InMemoryInactiveNumberNotices;
import org.opencpis.application.testing.InMemoryOrganisations;
import org.opencpis.application.testing.InMemoryProtectionRecords;
import org.opencpis.application.testing.MutableClock;
import org.opencpis.application.testing.PlanDetailsBuilder;
import org.opencpis.application.testing.RecordingSpineMessaging;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.alert.InactiveNumberNotice;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.NhsNumber;

class InactiveNumberServiceTest {
    private static final NhsNumber OLD = TestData.nhsNumber(1);
    private static final NhsNumber NEW = TestData.nhsNumber(2);

    private final MutableClock clock = MutableClock.at("2025-03-10T10:00:00Z");
    private final InMemoryProtectionRecords records = new InMemoryProtectionRecords();
    private final InMemoryInactiveNumberNotices notices = new InMemoryInactiveNumberNotices();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryOrganisations organisations = new InMemoryOrganisations();
    private final RecordingSpineMessaging messaging = new RecordingSpineMessaging();
    private final DirectTransactions transactions = new DirectTransactions();
    private final InactiveNumberService service = new InactiveNumberService(records, notices, audit, transactions, clock);
    private final InactiveNumberRelay relay = new InactiveNumberRelay(notices, organisations, messaging, transactions, clock);

    @BeforeEach
    void registerLocalAuthorities() {
        organisations.save(TestData.localAuthority(ISLINGTON));
        organisations.save(TestData.localAuthority(CAMDEN));
    }

    private void held(ProtectionRecord record) {
        records.insertIfAbsent(record);
    }

    @Test
    void eachLocalAuthorityHoldingTheNumberGetsOneNoticeNamingItsRecords() {
        held(TestData.record(TestData.key(ISLINGTON, 1, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).localId("ISL-7").build()));
        held(TestData.record(TestData.key(ISLINGTON, 1, PlanType.LAC),
                PlanDetailsBuilder.planFor(PlanType.LAC).localId(null).build()));
        held(TestData.record(TestData.key(CAMDEN, 1, PlanType.CPP)));
        held(TestData.record(TestData.key(CAMDEN, 3, PlanType.CPP)));

        assertEquals(2, service.numberSuperseded(OLD, NEW, TestData.adminContext()));

        List<InactiveNumberNotice> stored = notices.all();
        assertEquals(List.of(CAMDEN, ISLINGTON), stored.stream().map(InactiveNumberNotice::localAuthority).toList());
        assertEquals(List.of(new InactiveNumberNotice.HeldRecord(PlanType.CPP, "ISL-7"),
                new InactiveNumberNotice.HeldRecord(PlanType.LAC, null)), stored.get(1).records());
        assertTrue(stored.stream().allMatch(n -> n.nhsNumber().equals(OLD) && n.supersededBy().equals(NEW)));
        assertEquals(2, audit.entries().stream()
                .filter(e -> e.entry().action().equals(InactiveNumberService.ACTION) && OLD.equals(e.entry().nhsNumber()))
                .count());
    }

    @Test
    void reportingTheSameSupersessionAgainQueuesNothingMore() {
        held(TestData.record(TestData.key(ISLINGTON, 1, PlanType.CPP)));
        assertEquals(1, service.numberSuperseded(OLD, NEW, TestData.adminContext()));
        assertEquals(0, service.numberSuperseded(OLD, NEW, TestData.adminContext()));
        assertEquals(1, notices.all().size());
        assertEquals(1, audit.entries().size());
    }

    @Test
    void withdrawnRecordsAndNumbersNoOneHoldsGiveNoNotice() {
        ProtectionRecord record = TestData.record(TestData.key(ISLINGTON, 1, PlanType.CPP));
        held(record);
        records.update(record.withdraw(clock.today()));
        assertEquals(0, service.numberSuperseded(OLD, NEW, TestData.adminContext()));
        assertEquals(0, service.numberSuperseded(TestData.nhsNumber(9), NEW, TestData.adminContext()));
        assertTrue(notices.all().isEmpty());
    }

    @Test
    void aNumberCannotSupersedeItself() {
        assertThrows(IllegalArgumentException.class, () -> service.numberSuperseded(OLD, OLD, TestData.adminContext()));
    }

    @Test
    void theRelaySendsEachNoticeOnceAndRetriesARefusedOne() {
        held(TestData.record(TestData.key(ISLINGTON, 1, PlanType.CPP)));
        held(TestData.record(TestData.key(CAMDEN, 1, PlanType.CPP)));
        service.numberSuperseded(OLD, NEW, TestData.adminContext());
        messaging.failFor(CAMDEN);

        assertEquals(1, relay.deliverDue());
        assertEquals(0, relay.deliverDue());
        messaging.recover();
        clock.advance(Duration.ofSeconds(5));
        assertEquals(1, relay.deliverDue());
        clock.advance(Duration.ofHours(2));
        assertEquals(0, relay.deliverDue());

        assertEquals(List.of(ISLINGTON, CAMDEN),
                messaging.notices().stream().map(sent -> sent.recipient().odsCode()).toList());
        assertTrue(notices.all().stream().allMatch(n -> notices.isDelivered(n.noticeId())));
    }
}
