package org.opencpis.application.audit.service;

import org.opencpis.application.audit.port.out.AuditTrail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpis.domain.audit.AuditSearch;
import org.opencpis.application.audit.port.in.VerifyAuditTrailUseCase.Verification;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.testing.DelegatingAuditTrail;
import org.opencpis.application.testing.DirectTransactions;
import org.opencpis.application.testing.InMemoryAuditTrail;
import org.opencpis.application.testing.MutableClock;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.ChainedAuditEntry;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;

class AuditServiceTest {
    private static final NhsNumber CHILD = TestData.nhsNumber(1);
    private static final NhsNumber OTHER_CHILD = TestData.nhsNumber(2);

    private final MutableClock clock = MutableClock.at("2025-03-10T10:00:00Z");
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final AuditService service = serviceOver(trail);
    private final RequestContext auditor = TestData.auditorContext();

    @BeforeEach
    void someHistory() {
        RequestContext la = TestData.laContext(TestData.ISLINGTON);
        for (NhsNumber nhsNumber : List.of(CHILD, OTHER_CHILD, CHILD)) {
            clock.advance(Duration.ofMinutes(1));
            trail.append(new AuditEntry(clock.instant(), la.actor(), "PLAN_READ:CPP", nhsNumber, la.requestId(), "FOUND"));
        }
        trail.chainRecorded(Integer.MAX_VALUE);
        clock.advance(Duration.ofMinutes(1));
    }

    private AuditService serviceOver(AuditTrail audit) {
        DirectTransactions transactions = new DirectTransactions();
        return new AuditService(audit, new AuditChaining(audit, transactions), transactions, clock);
    }

    @Test
    void searchAndVerificationCoverEntriesRecordedButNotYetChained() {
        RequestContext la = TestData.laContext(TestData.ISLINGTON);
        trail.append(new AuditEntry(clock.instant(), la.actor(), "PLAN_READ:CPP", CHILD, la.requestId(), "FOUND"));

        Page<ChainedAuditEntry> found = service.search(auditor, new AuditSearch(CHILD, null, null), new PageRequest(0, 10));

        assertEquals(List.of(1L, 3L, 4L), found.items().stream().map(ChainedAuditEntry::sequence).toList());
        assertEquals(new Verification(true, 5), service.verify(auditor), "the search's own entry chained before verifying");
    }

    @Test
    void searchingFindsTheEntriesAndIsItselfAudited() {
        Page<ChainedAuditEntry> found = service.search(auditor, new AuditSearch(CHILD, null, null), new PageRequest(0, 10));

        assertEquals(List.of(1L, 3L), found.items().stream().map(ChainedAuditEntry::sequence).toList());
        assertEquals(new AuditEntry(clock.instant(), auditor.actor(), "AUDIT_READ", CHILD, auditor.requestId(), "OK"),
                trail.entries().get(3).entry());
    }

    @Test
    void searchingByTimeFindsOnlyThatWindow() {
        Instant second = trail.entries().get(1).entry().at();

        Page<ChainedAuditEntry> found = service.search(auditor, new AuditSearch(null, second, second.plusSeconds(60)),
                new PageRequest(0, 10));

        assertEquals(List.of(2L), found.items().stream().map(ChainedAuditEntry::sequence).toList());
    }

    @Test
    void anIntactTrailVerifies() {
        service.search(auditor, new AuditSearch(null, null, null), new PageRequest(0, 10));

        assertEquals(new Verification(true, 4), service.verify(auditor));
    }

    @Test
    void anAppendWhileTheChainIsReadDoesNotMakeAnIntactTrailInvalid() {
        AuditTrail appendingWhileRead = new DelegatingAuditTrail(trail) {
            @Override
            public void forEachInSequence(Consumer<ChainedAuditEntry> visitor) {
                super.forEachInSequence(visitor);
                RequestContext la = TestData.laContext(TestData.ISLINGTON);
                trail.append(new AuditEntry(clock.instant(), la.actor(), "PLAN_READ:CPP", CHILD, la.requestId(), "FOUND"));
                trail.chainRecorded(1);
            }
        };
        AuditService racing = serviceOver(appendingWhileRead);

        assertEquals(new Verification(true, 3), racing.verify(auditor), "an entry appended after the chain was read");
    }

    @Test
    void anEmptyTrailVerifies() {
        AuditService onEmpty = serviceOver(new InMemoryAuditTrail());

        assertEquals(new Verification(true, 0), onEmpty.verify(auditor));
    }

    @Test
    void aTamperedEntryIsDetected() {
        trail.tamper(2, entry -> new AuditEntry(entry.at(), entry.actor(), entry.action(), CHILD, entry.requestId(),
                entry.outcome()));

        assertEquals(new Verification(false, 3), service.verify(auditor));
    }

    @Test
    void aRewrittenActorIsDetected() {
        trail.tamper(1, entry -> new AuditEntry(entry.at(), Actor.system("nobody"), entry.action(), entry.nhsNumber(),
                entry.requestId(), entry.outcome()));

        assertEquals(new Verification(false, 3), service.verify(auditor));
    }

    @Test
    void removingTheNewestEntryIsDetected() {
        trail.remove(3);

        assertEquals(new Verification(false, 2), service.verify(auditor));
    }

    @Test
    void aRemovedEntryIsDetected() {
        trail.remove(2);

        assertEquals(new Verification(false, 2), service.verify(auditor));
    }
}
