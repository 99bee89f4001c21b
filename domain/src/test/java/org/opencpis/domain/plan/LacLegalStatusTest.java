package org.opencpis.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpis.domain.shared.DomainViolation;

class LacLegalStatusTest {

    @Test
    void parsesTheThreeChildrenActSections() {
        assertEquals(LacLegalStatus.S31, LacLegalStatus.parse("S31"));
        assertEquals(LacLegalStatus.S38, LacLegalStatus.parse("S38"));
        assertEquals(LacLegalStatus.S20, LacLegalStatus.parse("S20"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s31", "31", "S 31", "S32", "C1"})
    @NullAndEmptySource
    void rejectsAnythingElse(String raw) {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> LacLegalStatus.parse(raw));
        assertEquals("INVALID_LEGAL_STATUS", violation.code());
        assertEquals("lacLegalStatus", violation.field());
    }
}
