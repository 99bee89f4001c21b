package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.application.testing.TestData.CAMDEN;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpis.application.alert.port.out.InactiveNumberNotices;
import org.opencpis.application.shared.outbox.OutboxRelay;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.alert.InactiveNumberNotice;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/** What every {@link InactiveNumberNotices} must do: store each (LA, number, replacement) once, and act as an outbox. */
public abstract class InactiveNumberNoticesContractTest {
    protected static final Instant T0 = Instant.parse("2025-03-10T10:15:30.123456Z");
    protected static final Duration LEASE = Duration.ofMinutes(2);
    private static final NhsNumber OLD = TestData.nhsNumber(1);
    private static final NhsNumber NEW = TestData.nhsNumber(2);

    private InactiveNumberNotices notices;

    /** A new, empty store under test. */
    protected abstract InactiveNumberNotices createNotices();

    /** Runs port calls the way the services do: inside a transaction. */
    protected abstract Transactions transactions();

    @BeforeEach
    void createStore() {
        notices = createNotices();
    }

    private <T> T tx(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    private static InactiveNumberNotice notice(OdsCode la, NhsNumber replacement, Instant at) {
        return new InactiveNumberNotice(UUID.randomUUID(), la, OLD, replacement,
                List.of(new InactiveNumberNotice.HeldRecord(PlanType.CPP, "case-1"),
                        new InactiveNumberNotice.HeldRecord(PlanType.LAC, null)), at);
    }

    @Test
    void aStoredNoticeIsClaimedWhole() {
        InactiveNumberNotice notice = notice(ISLINGTON, NEW, T0);
        assertTrue(tx(() -> notices.storeIfNew(notice)));
        List<OutboxRelay.Claim<InactiveNumberNotice>> claimed = tx(() -> notices.claimDue(T0, LEASE, 10));
        assertEquals(1, claimed.size());
        assertEquals(notice, claimed.get(0).message());
        assertEquals(1, claimed.get(0).attempt());
    }

    @Test
    void theSameLaNumberAndReplacementAreStoredOnce() {
        assertTrue(tx(() -> notices.storeIfNew(notice(ISLINGTON, NEW, T0))));
        assertFalse(tx(() -> notices.storeIfNew(notice(ISLINGTON, NEW, T0.plusSeconds(60)))));
        assertTrue(tx(() -> notices.storeIfNew(notice(CAMDEN, NEW, T0))));
        assertTrue(tx(() -> notices.storeIfNew(notice(ISLINGTON, TestData.nhsNumber(3), T0))));
        assertEquals(3, tx(() -> notices.claimDue(T0.plusSeconds(60), LEASE, 10)).size());
    }

    @Test
    void aClaimedNoticeIsNotClaimedAgainUntilItsLeaseRunsOut() {
        tx(() -> notices.storeIfNew(notice(ISLINGTON, NEW, T0)));
        assertEquals(1, tx(() -> notices.claimDue(T0, LEASE, 10)).size());
        assertEquals(0, tx(() -> notices.claimDue(T0.plus(LEASE).minusSeconds(1), LEASE, 10)).size());
        List<OutboxRelay.Claim<InactiveNumberNotice>> again = tx(() -> notices.claimDue(T0.plus(LEASE), LEASE, 10));
        assertEquals(1, again.size());
        assertEquals(2, again.get(0).attempt());
    }

    @Test
    void aDeliveredNoticeIsNeverClaimedAgain() {
        InactiveNumberNotice notice = notice(ISLINGTON, NEW, T0);
        tx(() -> notices.storeIfNew(notice));
        tx(() -> notices.claimDue(T0, LEASE, 10));
        transactions().run(() -> notices.markDelivered(notice.noticeId(), T0.plusSeconds(1)));
        assertEquals(0, tx(() -> notices.claimDue(T0.plus(Duration.ofDays(1)), LEASE, 10)).size());
    }

    @Test
    void aNoticeRetriedLaterIsDueOnlyThen() {
        InactiveNumberNotice notice = notice(ISLINGTON, NEW, T0);
        tx(() -> notices.storeIfNew(notice));
        tx(() -> notices.claimDue(T0, LEASE, 10));
        Instant later = T0.plusSeconds(5);
        transactions().run(() -> notices.retryLater(notice.noticeId(), later));
        assertEquals(0, tx(() -> notices.claimDue(later.minusMillis(1), LEASE, 10)).size());
        assertEquals(1, tx(() -> notices.claimDue(later, LEASE, 10)).size());
    }

    @Test
    void claimsAreOldestFirstAndLimited() {
        InactiveNumberNotice first = notice(ISLINGTON, NEW, T0);
        InactiveNumberNotice second = notice(CAMDEN, NEW, T0.plusSeconds(1));
        tx(() -> notices.storeIfNew(second));
        tx(() -> notices.storeIfNew(first));
        List<OutboxRelay.Claim<InactiveNumberNotice>> claimed = tx(() -> notices.claimDue(T0.plusSeconds(2), LEASE, 1));
        assertEquals(List.of(first), claimed.stream().map(OutboxRelay.Claim::message).toList());
    }
}
