package org.opencpis.application.plan.service;

import org.opencpis.application.testing.InMemoryCohorts;
import org.opencpis.application.cohort.service.CohortMembership;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencpis.application.testing.TestData.ISLINGTON;
import static org.opencpis.application.testing.TestData.key;
import static org.opencpis.application.testing.TestData.record;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opencpis.application.testing.DirectTransactions;
import org.opencpis.application.testing.InMemoryAuditTrail;
import org.opencpis.application.testing.InMemoryProtectionRecords;
import org.opencpis.application.testing.MutableClock;
import org.opencpis.application.testing.PlanDetailsBuilder;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.ChainedAuditEntry;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.Actor;

class PurgeServiceTest {
    private final MutableClock clock = MutableClock.at("2025-03-10T02:00:00Z");
    private final LocalDate today = clock.today();
    private final InMemoryProtectionRecords records = new InMemoryProtectionRecords();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final PurgeService purge = new PurgeService(records, new CohortMembership(new InMemoryCohorts(records), clock), audit, new DirectTransactions(), clock);

    private ProtectionRecord stored(ProtectionRecord record) {
        records.insertIfAbsent(record);
        return record;
    }

    private ProtectionRecord endedOn(int n, PlanType type, LocalDate end) {
        return stored(record(key(ISLINGTON, n, type), PlanDetailsBuilder.planFor(type).endingOn(end).build()));
    }

    @Test
    void expiredAndWithdrawnRecordsArePurgedAndAudited() {
        ProtectionRecord cppExpired = endedOn(1, PlanType.CPP, today.minusDays(364));
        ProtectionRecord ucppExpired = endedOn(2, PlanType.UCPP, today.minusDays(28));
        ProtectionRecord withdrawn = stored(record(key(ISLINGTON, 3, PlanType.LAC))).withdraw(today.minusDays(1));
        records.update(withdrawn);
        ProtectionRecord open = stored(record(key(ISLINGTON, 4, PlanType.CPP)));
        ProtectionRecord stillVisible = endedOn(5, PlanType.CPP, today.minusDays(363));
        ProtectionRecord ucppStillVisible = endedOn(6, PlanType.UCPP, today.minusDays(27));

        assertEquals(3, purge.purge());

        assertEquals(Set.of(open, stillVisible, ucppStillVisible), Set.copyOf(records.all()));
        Actor purger = Actor.system("purge");
        assertEquals(Set.of(
                        new AuditEntry(clock.instant(), purger, "PLAN_PURGE:CPP", cppExpired.key().nhsNumber(), null, "EXPIRED_PURGED"),
                        new AuditEntry(clock.instant(), purger, "PLAN_PURGE:UCPP", ucppExpired.key().nhsNumber(), null, "EXPIRED_PURGED"),
                        new AuditEntry(clock.instant(), purger, "PLAN_PURGE:LAC", withdrawn.key().nhsNumber(), null, "WITHDRAWN_PURGED")),
                audit.entries().stream().map(ChainedAuditEntry::entry).collect(Collectors.toSet()));
    }

    @Test
    void purgingAgainFindsNothing() {
        endedOn(1, PlanType.CPP, today.minusDays(400));
        purge.purge();

        assertEquals(0, purge.purge());
        assertEquals(1, audit.entries().size());
    }

    @Test
    void aRecordIsPurgedOnItsDeleteDate() {
        ProtectionRecord explicit = stored(record(key(ISLINGTON, 1, PlanType.CPP),
                PlanDetailsBuilder.planFor(PlanType.CPP).deletedOn(today.plusDays(1)).build()));

        assertEquals(0, purge.purge());
        clock.advanceDays(1);
        assertEquals(1, purge.purge());

        assertEquals(List.of(), records.all());
        assertEquals(explicit.key().nhsNumber(), audit.entries().get(0).entry().nhsNumber());
    }

    @Test
    void moreThanABatchIsPurgedInOneRun() {
        int due = PurgeService.BATCH * 2 + 1;
        for (int n = 0; n < due; n++) {
            endedOn(n, PlanType.CPP, today.minusDays(365));
        }

        assertEquals(due, purge.purge());

        assertEquals(List.of(), records.all());
        assertEquals(due, audit.entries().size());
    }
}
