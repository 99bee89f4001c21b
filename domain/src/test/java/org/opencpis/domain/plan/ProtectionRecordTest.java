package org.opencpis.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.domain.plan.PlanDetailsBuilder.aPlan;
import static org.opencpis.domain.plan.ProtectionRecordBuilder.a;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencpis.domain.shared.DomainViolation;

class ProtectionRecordTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    private static ProtectionRecord endedDaysAgo(PlanType type, int days) {
        ProtectionRecordBuilder record = a(type);
        record.details().endingOn(TODAY.minusDays(days));
        return record.open();
    }

    @Nested
    class Invariants {

        @Test
        void aLookedAfterChildNeedsALegalStatus() {
            ProtectionRecordBuilder lac = a(PlanType.LAC).with(aPlan());
            DomainViolation violation = assertThrows(DomainViolation.class, lac::open);
            assertEquals("MISSING_FIELD", violation.code());
            assertEquals("lacLegalStatus", violation.field());
        }

        @ParameterizedTest
        @EnumSource(LacLegalStatus.class)
        void aLookedAfterChildKeepsItsLegalStatus(LacLegalStatus status) {
            ProtectionRecord record = a(PlanType.LAC).with(aPlan().withLegalStatus(status)).open();
            assertEquals(status, record.details().lacLegalStatus());
        }

        @ParameterizedTest
        @EnumSource(value = PlanType.class, names = {"CPP", "UCPP"})
        void otherPlansRejectALegalStatus(PlanType type) {
            ProtectionRecordBuilder record = a(type).with(aPlan().withLegalStatus(LacLegalStatus.S20));
            DomainViolation violation = assertThrows(DomainViolation.class, record::open);
            assertEquals(LacLegalStatus.INVALID, violation.code());
            assertEquals("lacLegalStatus", violation.field());
        }

        @Test
        void idKeyAndDetailsAreRequired() {
            ProtectionRecordBuilder cpp = a(PlanType.CPP);
            assertThrows(NullPointerException.class, () -> ProtectionRecord.open(null, cpp.key(), cpp.details().build()));
            assertThrows(NullPointerException.class, () -> ProtectionRecord.open(UUID.randomUUID(), null, cpp.details().build()));
            assertThrows(NullPointerException.class, () -> ProtectionRecord.open(UUID.randomUUID(), cpp.key(), null));
        }

        @Test
        void aKeyNeedsItsLocalAuthorityNumberAndPlanType() {
            RecordKey key = a(PlanType.UCPP).key();
            assertEquals(ProtectionRecordBuilder.ISLINGTON, key.localAuthority());
            assertThrows(NullPointerException.class, () -> new RecordKey(null, key.nhsNumber(), PlanType.CPP));
            assertThrows(NullPointerException.class, () -> new RecordKey(key.localAuthority(), null, PlanType.CPP));
            assertThrows(NullPointerException.class, () -> new RecordKey(key.localAuthority(), key.nhsNumber(), null));
        }

        @Test
        void reviseKeepsTheIdentityAndTakesTheNewDetails() {
            ProtectionRecord record = a(PlanType.CPP).open();
            PlanDetails ended = aPlan().endingOn(TODAY).build();
            ProtectionRecord revised = record.revise(ended);
            assertEquals(record.id(), revised.id());
            assertEquals(record.key(), revised.key());
            assertEquals(ended, revised.details());
            assertFalse(revised.isWithdrawn());
        }

        @Test
        void reviseCannotGiveACppALegalStatus() {
            ProtectionRecord record = a(PlanType.CPP).open();
            assertThrows(DomainViolation.class, () -> record.revise(aPlan().withLegalStatus(LacLegalStatus.S31).build()));
        }
    }

    @Nested
    class Status {

        @Test
        void anOpenPlanIsActive() {
            assertEquals(RecordStatus.ACTIVE, a(PlanType.CPP).open().status(TODAY));
        }

        @Test
        void aPlanEndingInTheFutureIsActive() {
            ProtectionRecordBuilder cpp = a(PlanType.CPP);
            cpp.details().endingOn(TODAY.plusDays(1));
            assertEquals(RecordStatus.ACTIVE, cpp.open().status(TODAY));
        }

        @Test
        void aPlanIsEndedFromItsEndDate() {
            assertEquals(RecordStatus.ENDED, endedDaysAgo(PlanType.CPP, 0).status(TODAY));
            assertEquals(RecordStatus.ENDED, endedDaysAgo(PlanType.LAC, 1).status(TODAY));
        }

        @Test
        void aWithdrawnPlanIsWithdrawnWhateverItsDates() {
            assertEquals(RecordStatus.WITHDRAWN, a(PlanType.CPP).open().withdraw(TODAY).status(TODAY));
            assertEquals(RecordStatus.WITHDRAWN, endedDaysAgo(PlanType.UCPP, 3).withdraw(TODAY).status(TODAY));
        }
    }

    @Nested
    class Visibility {

        @ParameterizedTest(name = "{0} ended {1} days ago visible: {2}")
        @CsvSource({
                "CPP,    0, true",
                "CPP,  363, true",
                "CPP,  364, false",
                "CPP,  365, false",
                "LAC,  363, true",
                "LAC,  364, false",
                "LAC,  365, false",
                "UCPP,   0, true",
                "UCPP,  27, true",
                "UCPP,  28, false",
                "UCPP,  29, false"})
        void anEndedPlanStaysVisibleForItsPeriod(PlanType type, int daysAgo, boolean visible) {
            assertEquals(visible, endedDaysAgo(type, daysAgo).isVisibleOn(TODAY));
        }

        @ParameterizedTest
        @EnumSource(PlanType.class)
        void anOpenPlanIsVisibleWithNoEnd(PlanType type) {
            ProtectionRecord record = a(type).open();
            assertTrue(record.isVisibleOn(TODAY));
            assertTrue(record.isVisibleOn(TODAY.plusYears(30)));
            assertEquals(Optional.empty(), record.visibleUntil());
            assertEquals(Optional.empty(), record.deleteDate());
            assertFalse(record.isDueForPurge(TODAY.plusYears(30)));
        }

        @Test
        void visibleUntilIsTheLastDayShownAndDeleteDateTheDayAfter() {
            LocalDate end = LocalDate.of(2025, 1, 10);
            ProtectionRecordBuilder cpp = a(PlanType.CPP);
            cpp.details().endingOn(end);
            ProtectionRecord record = cpp.open();
            assertEquals(Optional.of(end.plusDays(363)), record.visibleUntil());
            assertEquals(Optional.of(end.plusDays(364)), record.deleteDate());
            assertTrue(record.isVisibleOn(end.plusDays(363)));
            assertFalse(record.isVisibleOn(end.plusDays(364)));
        }

        @Test
        void anUnbornPlanIsDeletedTwentyEightDaysAfterItEnds() {
            LocalDate end = LocalDate.of(2025, 2, 20);
            ProtectionRecordBuilder ucpp = a(PlanType.UCPP);
            ucpp.details().endingOn(end);
            ProtectionRecord record = ucpp.open();
            assertEquals(Optional.of(LocalDate.of(2025, 3, 19)), record.visibleUntil());
            assertEquals(Optional.of(LocalDate.of(2025, 3, 20)), record.deleteDate());
        }

        @ParameterizedTest
        @EnumSource(PlanType.class)
        void aWithdrawnPlanIsNeverVisible(PlanType type) {
            ProtectionRecord withdrawn = a(type).open().withdraw(TODAY);
            assertTrue(withdrawn.isWithdrawn());
            assertEquals(TODAY, withdrawn.withdrawnOn());
            assertFalse(withdrawn.isVisibleOn(TODAY));
            assertFalse(withdrawn.isVisibleOn(TODAY.minusDays(1)));
            assertFalse(withdrawn.isVisibleOn(TODAY.plusDays(1)));
        }

        @Test
        void anExplicitDeleteDateHidesAnOpenPlanFromThatDay() {
            LocalDate delete = TODAY.plusDays(5);
            ProtectionRecordBuilder cpp = a(PlanType.CPP);
            cpp.details().deletedOn(delete);
            ProtectionRecord record = cpp.open();
            assertTrue(record.isVisibleOn(delete.minusDays(1)));
            assertFalse(record.isVisibleOn(delete));
            assertEquals(Optional.of(delete.minusDays(1)), record.visibleUntil());
            assertEquals(Optional.of(delete), record.deleteDate());
            assertEquals(RecordStatus.ACTIVE, record.status(delete.minusDays(1)));
        }

        @Test
        void anExplicitDeleteDateBeforeTheComputedOneWins() {
            LocalDate end = TODAY.minusDays(10);
            ProtectionRecordBuilder cpp = a(PlanType.CPP);
            cpp.details().endingOn(end).deletedOn(TODAY);
            ProtectionRecord record = cpp.open();
            assertTrue(record.isVisibleOn(TODAY.minusDays(1)));
            assertFalse(record.isVisibleOn(TODAY));
            assertEquals(Optional.of(TODAY), record.deleteDate());
        }

        @Test
        void anExplicitDeleteDateEqualToTheComputedOneChangesNothing() {
            LocalDate end = TODAY.minusDays(10);
            ProtectionRecordBuilder ucpp = a(PlanType.UCPP);
            ucpp.details().endingOn(end).deletedOn(end.plusDays(28));
            ProtectionRecord record = ucpp.open();
            assertEquals(Optional.of(end.plusDays(27)), record.visibleUntil());
            assertEquals(Optional.of(end.plusDays(28)), record.deleteDate());
        }

        @Test
        void anExplicitDeleteDateAfterTheComputedOneDoesNotExtendVisibility() {
            LocalDate end = TODAY.minusDays(10);
            ProtectionRecordBuilder ucpp = a(PlanType.UCPP);
            ucpp.details().endingOn(end).deletedOn(end.plusDays(100));
            ProtectionRecord record = ucpp.open();
            assertEquals(Optional.of(end.plusDays(27)), record.visibleUntil());
            assertEquals(Optional.of(end.plusDays(28)), record.deleteDate());
            assertFalse(record.isVisibleOn(end.plusDays(28)));
        }
    }

    @Nested
    class Purging {

        @Test
        void anEndedPlanIsDueFromItsDeleteDate() {
            ProtectionRecord record = endedDaysAgo(PlanType.CPP, 0);
            LocalDate delete = record.deleteDate().orElseThrow();
            assertFalse(record.isDueForPurge(delete.minusDays(1)));
            assertTrue(record.isDueForPurge(delete));
            assertTrue(record.isDueForPurge(delete.plusDays(1)));
        }

        @Test
        void aWithdrawnPlanIsDueFromTheDayOfWithdrawal() {
            ProtectionRecord withdrawn = a(PlanType.LAC).open().withdraw(TODAY);
            assertEquals(Optional.of(TODAY), withdrawn.deleteDate());
            assertFalse(withdrawn.isDueForPurge(TODAY.minusDays(1)));
            assertTrue(withdrawn.isDueForPurge(TODAY));
        }

        @Test
        void anExplicitDeleteDateMakesAnOpenPlanDue() {
            ProtectionRecordBuilder cpp = a(PlanType.CPP);
            cpp.details().deletedOn(TODAY);
            ProtectionRecord record = cpp.open();
            assertFalse(record.isDueForPurge(TODAY.minusDays(1)));
            assertTrue(record.isDueForPurge(TODAY));
        }

        @Test
        void anOpenRecordIsNotWithdrawn() {
            ProtectionRecord record = a(PlanType.CPP).open();
            assertFalse(record.isWithdrawn());
            assertNull(record.withdrawnOn());
        }
    }
}
