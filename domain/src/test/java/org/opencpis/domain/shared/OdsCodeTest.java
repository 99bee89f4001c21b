package org.opencpis.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OdsCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"706", "X26", "RJ1", "A", "Y12345678", "OPENCPIS"})
    void acceptsOneToNineUpperCaseLettersOrDigits(String code) {
        assertEquals(code, new OdsCode(code).value());
        assertEquals(code, new OdsCode(code).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rj1", "Rj1", "1234567890", "70 6", " 706", "70-6", "X2_6"})
    @NullAndEmptySource
    void rejectsOtherShapes(String code) {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> new OdsCode(code));
        assertEquals(OdsCode.INVALID, violation.code());
        assertEquals("odsCode", violation.field());
    }

    @Test
    void ofReportsTheCallersFieldName() {
        assertEquals(new OdsCode("Y05"), OdsCode.of("Y05", "gpPracticeOdsCode"));
        DomainViolation violation = assertThrows(DomainViolation.class, () -> OdsCode.of("y05", "gpPracticeOdsCode"));
        assertEquals(OdsCode.INVALID, violation.code());
        assertEquals("gpPracticeOdsCode", violation.field());
    }
}
