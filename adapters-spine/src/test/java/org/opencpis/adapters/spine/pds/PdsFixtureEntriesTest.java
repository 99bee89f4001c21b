package org.opencpis.adapters.spine.pds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;

class PdsFixtureEntriesTest {

    private static PdsFixtureEntry entry(String nhsNumber, String status, String supersededBy) {
        return new PdsFixtureEntry(nhsNumber, "Quillfeather", List.of("Amy"), "2015-06-30", status, supersededBy, "Y01234", "n11aa");
    }

    private static String problem(PdsFixtureEntry entry) {
        return assertThrows(PdsStubConfigurationException.class, () -> PdsFixtureEntries.toRecord(entry, 4)).getMessage();
    }

    @Test
    void aCompleteEntryBecomesARecord() {
        PdsRecord record = PdsFixtureEntries.toRecord(entry("999 000 0018", "ACTIVE", null), 0);
        assertEquals(new NhsNumber("9990000018"), record.nhsNumber());
        assertEquals(PdsStatus.ACTIVE, record.status());
        assertEquals("Quillfeather", record.demographics().familyName());
        assertEquals(List.of("Amy"), record.demographics().givenNames());
        assertEquals(LocalDate.of(2015, 6, 30), record.demographics().dateOfBirth());
        assertEquals(new OdsCode("Y01234"), record.gpPractice());
        assertEquals(Postcode.of("N1 1AA"), record.postcode());
        assertNull(record.supersededBy());
    }

    @Test
    void placementIsOptional() {
        PdsRecord record = PdsFixtureEntries.toRecord(new PdsFixtureEntry("9990000018", "Quillfeather", List.of("Amy"),
                "2015-06-30", "SENSITIVE", null, null, null), 0);
        assertNull(record.gpPractice());
        assertNull(record.postcode());
    }

    @Test
    void aSupersededEntryNamesItsReplacement() {
        PdsRecord record = PdsFixtureEntries.toRecord(entry("9990000034", "superseded", "9990000042"), 0);
        assertEquals(PdsStatus.SUPERSEDED, record.status());
        assertEquals(new NhsNumber("9990000042"), record.supersededBy());
    }

    @Test
    void problemsNameTheEntryAndFieldButNoValue() {
        String message = problem(entry("9990000019", "ACTIVE", null));
        assertEquals("entry 4: nhsNumber is not a valid NHS number (10 digits, Modulus 11)", message);
        assertFalse(message.contains("9990000019"));
    }

    @Test
    void everyRequiredFieldIsChecked() {
        assertEquals("entry 4: nhsNumber is required", problem(entry(null, "ACTIVE", null)));
        assertTrue(problem(entry("9990000018", null, null)).startsWith("entry 4: status is required"));
        assertEquals("entry 4: status must be ACTIVE, SENSITIVE, SUPERSEDED or OLD_STYLE",
                problem(entry("9990000018", "DECEASED", null)));
        assertEquals("entry 4: dateOfBirth is required",
                problem(new PdsFixtureEntry("9990000018", "Quillfeather", List.of("Amy"), null, "ACTIVE", null, null, null)));
        assertEquals("entry 4: dateOfBirth must be a date as yyyy-MM-dd",
                problem(new PdsFixtureEntry("9990000018", "Quillfeather", List.of("Amy"), "30/06/2015", "ACTIVE", null, null, null)));
        assertTrue(problem(new PdsFixtureEntry("9990000018", " ", List.of("Amy"), "2015-06-30", "ACTIVE", null, null, null))
                .startsWith("entry 4: familyName is missing or invalid"));
        assertTrue(problem(new PdsFixtureEntry("9990000018", "Quillfeather", List.of(), "2015-06-30", "ACTIVE", null, null, null))
                .startsWith("entry 4: givenNames is missing or invalid"));
    }

    @Test
    void supersededByGoesWithSupersededOnly() {
        assertEquals("entry 4: a SUPERSEDED entry needs supersededBy", problem(entry("9990000034", "SUPERSEDED", null)));
        assertEquals("entry 4: supersededBy belongs to SUPERSEDED entries only", problem(entry("9990000034", "ACTIVE", "9990000042")));
        assertEquals("entry 4: supersededBy is the entry's own nhsNumber", problem(entry("9990000034", "SUPERSEDED", "9990000034")));
        assertEquals("entry 4: supersededBy is not a valid NHS number (10 digits, Modulus 11)",
                problem(entry("9990000034", "SUPERSEDED", "9990000043")));
    }

    @Test
    void placementMustBeValidWhenGiven() {
        assertEquals("entry 4: gpPracticeOdsCode is not an ODS code",
                problem(new PdsFixtureEntry("9990000018", "Quillfeather", List.of("Amy"), "2015-06-30", "ACTIVE", null, "y01234", null)));
        assertEquals("entry 4: postcode is not a UK postcode",
                problem(new PdsFixtureEntry("9990000018", "Quillfeather", List.of("Amy"), "2015-06-30", "ACTIVE", null, null, "NOWHERE")));
    }

    @Test
    void anEntryNeverPrintsItsDemographics() {
        String printed = entry("9990000018", "ACTIVE", null).toString();
        assertFalse(printed.contains("Quillfeather") || printed.contains("Amy") || printed.contains("2015") || printed.contains("9990000018"),
                printed);
    }
}
