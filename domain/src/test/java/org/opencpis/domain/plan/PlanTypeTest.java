package org.opencpis.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpis.domain.shared.DomainViolation;

class PlanTypeTest {

    @Test
    void carriesTheSnomedConceptOfEachPlan() {
        assertEquals("342191000000101", PlanType.CPP.snomedCode());
        assertEquals("Subject to child protection plan", PlanType.CPP.snomedDisplay());
        assertEquals("764841000000100", PlanType.LAC.snomedCode());
        assertEquals("Looked after child", PlanType.LAC.snomedDisplay());
        assertEquals("818901000000100", PlanType.UCPP.snomedCode());
        assertEquals("Unborn child subject to child protection plan", PlanType.UCPP.snomedDisplay());
    }

    @Test
    void endedPlansStayVisibleFor364DaysOr28ForUnborn() {
        assertEquals(364, PlanType.CPP.visibleDaysAfterEnd());
        assertEquals(364, PlanType.LAC.visibleDaysAfterEnd());
        assertEquals(28, PlanType.UCPP.visibleDaysAfterEnd());
    }

    @Test
    void parsesTheThreeNames() {
        assertEquals(PlanType.CPP, PlanType.parse("CPP"));
        assertEquals(PlanType.LAC, PlanType.parse("LAC"));
        assertEquals(PlanType.UCPP, PlanType.parse("UCPP"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpp", "Lac", " CPP", "CPP ", "CP", "342191000000101", "UNBORN"})
    @NullAndEmptySource
    void rejectsAnythingElseWithInvalidPlanType(String raw) {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> PlanType.parse(raw));
        assertEquals("INVALID_PLAN_TYPE", violation.code());
        assertEquals(PlanType.INVALID, violation.code());
        assertEquals("planType", violation.field());
    }
}
