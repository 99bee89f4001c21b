package org.opencpis.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.opencpis.domain.plan.PlanDetailsBuilder.START;
import static org.opencpis.domain.plan.PlanDetailsBuilder.aPlan;

import org.junit.jupiter.api.Test;
import org.opencpis.domain.shared.DomainViolation;

class PlanDetailsTest {

    @Test
    void anOpenPlanNeedsOnlyAStartDateAndDemographics() {
        PlanDetails details = aPlan().withLocalId(null).withoutPlacement().build();
        assertEquals(START, details.startDate());
        assertNull(details.endDate());
        assertNull(details.explicitDeleteDate());
    }

    @Test
    void startDateIsRequired() {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> aPlan().startingOn(null).build());
        assertEquals("MISSING_FIELD", violation.code());
        assertEquals("startDate", violation.field());
    }

    @Test
    void subjectIsRequired() {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> aPlan().about(null).build());
        assertEquals("MISSING_FIELD", violation.code());
        assertEquals("subject", violation.field());
    }

    @Test
    void endDateMayBeTheStartDateButNotBefore() {
        assertEquals(START, aPlan().endingOn(START).build().endDate());
        DomainViolation violation = assertThrows(DomainViolation.class, () -> aPlan().endingOn(START.minusDays(1)).build());
        assertEquals("END_BEFORE_START", violation.code());
        assertEquals("endDate", violation.field());
    }

    @Test
    void explicitDeleteDateMayBeTheStartDateButNotBefore() {
        assertEquals(START, aPlan().deletedOn(START).build().explicitDeleteDate());
        DomainViolation violation = assertThrows(DomainViolation.class, () -> aPlan().deletedOn(START.minusDays(1)).build());
        assertEquals("DELETE_BEFORE_START", violation.code());
        assertEquals("deleteDate", violation.field());
    }

    @Test
    void explicitDeleteDateMayPrecedeTheEndDate() {
        PlanDetails details = aPlan().endingOn(START.plusDays(30)).deletedOn(START.plusDays(10)).build();
        assertEquals(START.plusDays(10), details.explicitDeleteDate());
    }

    @Test
    void localIdIsOneTo64Characters() {
        assertEquals("X".repeat(64), aPlan().withLocalId("X".repeat(64)).build().localId());
        assertEquals("INVALID_LOCAL_ID", assertThrows(DomainViolation.class,
                () -> aPlan().withLocalId("X".repeat(65)).build()).code());
        DomainViolation blank = assertThrows(DomainViolation.class, () -> aPlan().withLocalId("  ").build());
        assertEquals("INVALID_LOCAL_ID", blank.code());
        assertEquals("localId", blank.field());
    }

    @Test
    void onlyLacDetailsFitWithALegalStatus() {
        PlanDetails withStatus = aPlan().withLegalStatus(LacLegalStatus.S38).build();
        PlanDetails withoutStatus = aPlan().build();
        withStatus.checkFits(PlanType.LAC);
        withoutStatus.checkFits(PlanType.CPP);
        withoutStatus.checkFits(PlanType.UCPP);
        assertEquals("lacLegalStatus", assertThrows(DomainViolation.class, () -> withoutStatus.checkFits(PlanType.LAC)).field());
        assertEquals(LacLegalStatus.INVALID, assertThrows(DomainViolation.class, () -> withStatus.checkFits(PlanType.CPP)).code());
        assertEquals(LacLegalStatus.INVALID, assertThrows(DomainViolation.class, () -> withStatus.checkFits(PlanType.UCPP)).code());
    }

    @Test
    void equalDetailsAreEqualSoARepeatedUploadIsUnchanged() {
        assertEquals(aPlan().build(), aPlan().build());
        assertNotEquals(aPlan().build(), aPlan().endingOn(START.plusDays(1)).build());
    }
}
