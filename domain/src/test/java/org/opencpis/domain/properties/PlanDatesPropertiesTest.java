package org.opencpis.domain.properties;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.opencpis.domain.plan.LacLegalStatus;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.RecordStatus;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/**
 * Plan dates and visibility (DOMAIN: visible while active and for 364 days (CPP, LAC) or 28 days
 * (UCPP) after the end): an end before the start is always refused, and visibility only ever
 * ends — a record seen on one day was seen on every earlier day of the plan, and is never both
 * visible and due for purge.
 */
class PlanDatesPropertiesTest {
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final Subject SUBJECT = new Subject("Test", List.of("Child"), LocalDate.of(2015, 1, 1));

    @Property(tries = 500)
    void anEndBeforeTheStartIsAlwaysRejected(@ForAll("days") LocalDate start,
                                             @ForAll @IntRange(min = 1, max = 20_000) int daysBefore) {
        LocalDate end = start.minusDays(daysBefore);
        DomainViolation violation = assertThrows(DomainViolation.class, () -> details(start, end, null));
        assertEquals("END_BEFORE_START", violation.code());
        assertEquals("endDate", violation.field());
    }

    @Property(tries = 500)
    void anEndOnOrAfterTheStartIsAccepted(@ForAll("days") LocalDate start, @ForAll @IntRange(min = 0, max = 20_000) int length) {
        PlanDetails details = assertDoesNotThrow(() -> details(start, start.plusDays(length), null));
        assertEquals(start.plusDays(length), details.endDate());
    }

    @Property(tries = 500)
    void visibilityIsMonotonic(@ForAll("records") ProtectionRecord record, @ForAll @IntRange(min = 0, max = 2_000) int offset) {
        LocalDate start = record.details().startDate();
        LocalDate day = start.plusDays(offset);
        if (!record.isVisibleOn(day)) {
            for (int later = 1; later <= 30; later++) {
                assertFalse(record.isVisibleOn(day.plusDays(later * 37L)), "hidden on " + day + " means hidden after");
            }
            return;
        }
        for (LocalDate earlier = start; !earlier.isAfter(day); earlier = earlier.plusDays(1)) {
            assertTrue(record.isVisibleOn(earlier), "visible on " + day + " but not on " + earlier + ": " + describe(record));
        }
    }

    @Property(tries = 500)
    void neverVisibleAndDueForPurgeOnTheSameDay(@ForAll("records") ProtectionRecord record,
                                                @ForAll @IntRange(min = -10, max = 2_000) int offset) {
        LocalDate day = record.details().startDate().plusDays(offset);
        assertFalse(record.isVisibleOn(day) && record.isDueForPurge(day), describe(record) + " on " + day);
        if (record.isDueForPurge(day)) {
            assertTrue(record.isDueForPurge(day.plusDays(1)), "once due for purge, due on every later day");
        }
    }

    @Property(tries = 500)
    void anEndedPlanIsShownForItsWindowAndThenNever(@ForAll("days") LocalDate start,
                                                    @ForAll @IntRange(min = 0, max = 3_000) int length,
                                                    @ForAll PlanType planType) {
        LocalDate end = start.plusDays(length);
        ProtectionRecord record = ProtectionRecord.open(UUID.randomUUID(), key(planType),
                details(start, end, null, planType == PlanType.LAC ? LacLegalStatus.S20 : null));
        LocalDate lastVisible = end.plusDays(planType.visibleDaysAfterEnd() - 1L);
        assertEquals(lastVisible, record.visibleUntil().orElseThrow());
        assertTrue(record.isVisibleOn(lastVisible));
        assertFalse(record.isVisibleOn(lastVisible.plusDays(1)));
        assertEquals(RecordStatus.ENDED, record.status(end));
        if (length > 0) {
            assertEquals(RecordStatus.ACTIVE, record.status(end.minusDays(1)), "active until its end date");
        }
    }

    @Property(tries = 300)
    void aWithdrawnRecordIsNeverVisible(@ForAll("records") ProtectionRecord record, @ForAll @IntRange(min = 0, max = 2_000) int offset,
                                        @ForAll @IntRange(min = -5, max = 5) int daysAfterWithdrawal) {
        LocalDate withdrawnOn = record.details().startDate().plusDays(offset);
        ProtectionRecord withdrawn = record.withdraw(withdrawnOn);
        LocalDate day = withdrawnOn.plusDays(daysAfterWithdrawal);
        assertFalse(withdrawn.isVisibleOn(day));
        assertEquals(RecordStatus.WITHDRAWN, withdrawn.status(day));
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 365 * 40).map(EARLIEST::plusDays);
    }

    /** Records of every plan type, open or ended, with or without an explicit delete date on or after the start. */
    @Provide
    Arbitrary<ProtectionRecord> records() {
        Arbitrary<Integer> endOffset = Arbitraries.integers().between(0, 1_500).injectNull(0.3);
        Arbitrary<Integer> deleteOffset = Arbitraries.integers().between(0, 2_000).injectNull(0.7);
        return Combinators.combine(days(), endOffset, deleteOffset, Arbitraries.of(PlanType.class))
                .as((start, end, delete, planType) -> ProtectionRecord.open(UUID.randomUUID(), key(planType),
                        details(start, end == null ? null : start.plusDays(end), delete == null ? null : start.plusDays(delete),
                                planType == PlanType.LAC ? LacLegalStatus.S31 : null)));
    }

    private static String describe(ProtectionRecord record) {
        return record.key().planType() + " " + record.details() + " visibleUntil=" + record.visibleUntil().orElse(null);
    }

    private static PlanDetails details(LocalDate start, LocalDate end, LocalDate delete) {
        return details(start, end, delete, null);
    }

    private static PlanDetails details(LocalDate start, LocalDate end, LocalDate delete, LacLegalStatus legalStatus) {
        return new PlanDetails(start, end, delete, SUBJECT, null, legalStatus, null, null, null);
    }

    private static RecordKey key(PlanType planType) {
        return new RecordKey(new OdsCode("706"), new NhsNumber("9990000018"), planType);
    }
}
