package org.opencpis.domain.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencpis.domain.plan.LacLegalStatus;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.shared.OdsCode;

class CheckedRecordTest {
    private static final OdsCode ISLINGTON = new OdsCode("706");

    private static UploadedRecord record(String nhsNumber, String planType, String startDate, String lacLegalStatus) {
        return new UploadedRecord(nhsNumber, planType, startDate, null, null, "Smith", List.of("Alice"), "2015-03-01",
                "CASE-1", lacLegalStatus, "100001", "Y01234", "n11aa");
    }

    @Test
    void aGoodRecordBecomesTheKeyAndDetailsOfTheSenderLocalAuthority() {
        CheckedRecord.Valid valid = assertInstanceOf(CheckedRecord.Valid.class,
                CheckedRecord.check(ISLINGTON, record("943 476 5919", "LAC", "2024-01-10", "S20")));

        assertEquals(ISLINGTON, valid.key().localAuthority());
        assertEquals("9434765919", valid.key().nhsNumber().value());
        assertEquals(PlanType.LAC, valid.key().planType());
        assertEquals(LocalDate.of(2024, 1, 10), valid.details().startDate());
        assertEquals(LacLegalStatus.S20, valid.details().lacLegalStatus());
        assertEquals("N1 1AA", valid.details().postcode().value());
        assertEquals("CASE-1", valid.details().localId());
    }

    @Test
    void everyBrokenFieldIsReportedWithItsCode() {
        UploadedRecord raw = new UploadedRecord("1234567890", "XYZ", "2024-02-30", "yesterday", null, " ", List.of(),
                null, null, "S99", "12", "bad code!", "nowhere");

        CheckedRecord.Invalid invalid = assertInstanceOf(CheckedRecord.Invalid.class, CheckedRecord.check(ISLINGTON, raw));

        List<String> fields = invalid.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("nhsNumber", "planType", "startDate", "endDate", "dateOfBirth", "lacLegalStatus", "schoolUrn",
                "gpPracticeOdsCode", "postcode", "familyName"), fields);
        assertTrue(invalid.detail().startsWith("nhsNumber INVALID_NHS_NUMBER ("), invalid.detail());
        assertTrue(invalid.detail().contains("startDate INVALID_DATE"), invalid.detail());
        assertTrue(invalid.detail().contains("dateOfBirth MISSING_FIELD"), invalid.detail());
        assertTrue(invalid.detail().contains("familyName MISSING_FIELD"), invalid.detail());
    }

    @Test
    void theRulesOfARecordAsAWholeApply() {
        CheckedRecord.Invalid lacWithoutStatus = assertInstanceOf(CheckedRecord.Invalid.class,
                CheckedRecord.check(ISLINGTON, record("9434765919", "LAC", "2024-01-10", null)));
        assertEquals("lacLegalStatus", lacWithoutStatus.errors().get(0).field());
        assertEquals("MISSING_FIELD", lacWithoutStatus.errors().get(0).code());

        CheckedRecord.Invalid cppWithStatus = assertInstanceOf(CheckedRecord.Invalid.class,
                CheckedRecord.check(ISLINGTON, record("9434765919", "CPP", "2024-01-10", "S31")));
        assertEquals(LacLegalStatus.INVALID, cppWithStatus.errors().get(0).code());

        UploadedRecord endsBeforeStart = new UploadedRecord("9434765919", "CPP", "2024-01-10", "2023-01-10", null, "Smith",
                List.of("Alice"), "2015-03-01", null, null, null, null, null);
        CheckedRecord.Invalid ends = assertInstanceOf(CheckedRecord.Invalid.class, CheckedRecord.check(ISLINGTON, endsBeforeStart));
        assertEquals("END_BEFORE_START", ends.errors().get(0).code());
    }

    @Test
    void anExplicitDeleteDateIsKeptForWithdrawal() {
        UploadedRecord withdrawn = new UploadedRecord("9434765919", "UCPP", "2024-01-10", null, "2024-03-01", "Smith",
                List.of("Alice"), "1990-03-01", null, null, null, null, null);

        CheckedRecord.Valid valid = assertInstanceOf(CheckedRecord.Valid.class, CheckedRecord.check(ISLINGTON, withdrawn));

        assertEquals(LocalDate.of(2024, 3, 1), valid.details().explicitDeleteDate());
        assertNull(valid.details().endDate());
    }

    @Test
    void anInvalidRecordHasErrorsAndTheRawRecordIsNeverPrinted() {
        assertThrows(IllegalArgumentException.class, () -> new CheckedRecord.Invalid(List.of()));
        assertFalse(record("9434765919", "CPP", "2024-01-10", null).toString().contains("Smith"));
    }
}
