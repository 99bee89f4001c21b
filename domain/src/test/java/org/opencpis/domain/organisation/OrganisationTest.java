package org.opencpis.domain.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.OdsCode;

class OrganisationTest {
    private static final PhoneNumber EDT = new PhoneNumber("020 7226 0992");
    private static final PhoneNumber OFFICE = new PhoneNumber("020 7527 7400");

    private static Organisation islington(PhoneNumber emergencyDuty) {
        return new Organisation(new OdsCode("706"), "London Borough of Islington", OrganisationType.LOCAL_AUTHORITY,
                emergencyDuty, OFFICE, "X706OT001", "mesh-secret");
    }

    private static Organisation hospital(String name, String mailbox, String password) {
        return new Organisation(new OdsCode("RAP"), name, OrganisationType.NHS_ORGANISATION, null, null, mailbox, password);
    }

    @Test
    void aLocalAuthorityWithItsEmergencyDutyPhone() {
        Organisation la = islington(EDT);
        assertTrue(la.isLocalAuthority());
        assertEquals(EDT, la.emergencyDutyPhone());
        assertEquals(OFFICE, la.officeHoursPhone());
    }

    @Test
    void aLocalAuthorityNeedsAnEmergencyDutyPhone() {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> islington(null));
        assertEquals("MISSING_FIELD", violation.code());
        assertEquals("emergencyDutyPhone", violation.field());
    }

    @ParameterizedTest
    @EnumSource(value = OrganisationType.class, names = {"NHS_ORGANISATION", "ZERO_TO_NINETEEN_SERVICE"})
    void otherOrganisationsNeedNoPhone(OrganisationType type) {
        Organisation organisation = new Organisation(new OdsCode("RAP"), "North Middlesex", type, null, null, null, null);
        assertFalse(organisation.isLocalAuthority());
        assertNull(organisation.emergencyDutyPhone());
    }

    @Test
    void nameIsStripped() {
        assertEquals("North Middlesex", hospital("  North Middlesex ", null, null).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"  "})
    @NullAndEmptySource
    void nameIsRequired(String name) {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> hospital(name, null, null));
        assertEquals("MISSING_FIELD", violation.code());
        assertEquals("name", violation.field());
    }

    @Test
    void nameIsAtMost200Characters() {
        assertEquals(200, hospital("N".repeat(200), null, null).name().length());
        assertEquals("name", assertThrows(DomainViolation.class, () -> hospital("N".repeat(201), null, null)).field());
    }

    @Test
    void typeIsRequired() {
        DomainViolation violation = assertThrows(DomainViolation.class,
                () -> new Organisation(new OdsCode("RAP"), "North Middlesex", null, null, null, null, null));
        assertEquals("type", violation.field());
    }

    @Test
    void odsCodeIsRequired() {
        assertThrows(NullPointerException.class,
                () -> new Organisation(null, "North Middlesex", OrganisationType.NHS_ORGANISATION, null, null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X26OT001", "a", "mail_box-1", "ABCDEFGHIJ0123456789"})
    void acceptsMeshMailboxIds(String mailbox) {
        assertEquals(mailbox, hospital("North Middlesex", mailbox, null).meshMailboxId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "ABCDEFGHIJ01234567890", "mail.box", "mailbox/1"})
    void rejectsOtherMeshMailboxIds(String mailbox) {
        DomainViolation violation = assertThrows(DomainViolation.class, () -> hospital("North Middlesex", mailbox, null));
        assertEquals("INVALID_MAILBOX", violation.code());
        assertEquals("meshMailboxId", violation.field());
    }

    @Test
    void meshMailboxPasswordIsOneTo200Characters() {
        assertEquals("p", hospital("North Middlesex", "RAPOT001", "p").meshMailboxPassword());
        assertEquals(200, hospital("North Middlesex", "RAPOT001", "p".repeat(200)).meshMailboxPassword().length());
        assertEquals("meshMailboxPassword",
                assertThrows(DomainViolation.class, () -> hospital("North Middlesex", "RAPOT001", "")).field());
        assertEquals("meshMailboxPassword",
                assertThrows(DomainViolation.class, () -> hospital("North Middlesex", "RAPOT001", "p".repeat(201))).field());
    }

    @Test
    void theMailboxPasswordNeverAppearsInText() {
        Organisation organisation = new Organisation(new org.opencpis.domain.shared.OdsCode("706"), "Islington",
                OrganisationType.LOCAL_AUTHORITY, new PhoneNumber("020 7226 0992"), null, "MB706", "mesh-secret");
        assertFalse(organisation.toString().contains("mesh-secret"));
    }
}
