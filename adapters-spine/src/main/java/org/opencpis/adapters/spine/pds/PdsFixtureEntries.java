package org.opencpis.adapters.spine.pds;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;

/** Checks fixture entries and turns them into the stub's records; errors name the entry and field, never a value. */
final class PdsFixtureEntries {
    private PdsFixtureEntries() {
    }

    /**
     * @param index the entry's position in the fixture array, from 0, for the error message
     * @throws PdsStubConfigurationException when the entry is incomplete or invalid
     */
    static PdsRecord toRecord(PdsFixtureEntry entry, int index) {
        NhsNumber number = nhsNumber("nhsNumber", entry.nhsNumber(), index);
        PdsStatus pdsStatus = status(entry.status(), index);
        NhsNumber replacement = entry.supersededBy() == null ? null : nhsNumber("supersededBy", entry.supersededBy(), index);
        if (pdsStatus == PdsStatus.SUPERSEDED && replacement == null) {
            throw invalid(index, "a SUPERSEDED entry needs supersededBy");
        }
        if (pdsStatus != PdsStatus.SUPERSEDED && replacement != null) {
            throw invalid(index, "supersededBy belongs to SUPERSEDED entries only");
        }
        if (number.equals(replacement)) {
            throw invalid(index, "supersededBy is the entry's own nhsNumber");
        }
        return new PdsRecord(number, demographics(entry, index), pdsStatus, replacement, gpPractice(entry.gpPracticeOdsCode(), index),
                placePostcode(entry.postcode(), index));
    }

    private static Subject demographics(PdsFixtureEntry entry, int index) {
        if (entry.dateOfBirth() == null) {
            throw invalid(index, "dateOfBirth is required");
        }
        LocalDate born;
        try {
            born = LocalDate.parse(entry.dateOfBirth());
        } catch (DateTimeParseException e) {
            throw invalid(index, "dateOfBirth must be a date as yyyy-MM-dd");
        }
        try {
            return new Subject(entry.familyName(), entry.givenNames(), born);
        } catch (DomainViolation e) {
            throw invalid(index, e.field() + " is missing or invalid (" + e.code() + ")");
        }
    }

    private static PdsStatus status(String status, int index) {
        if (status == null) {
            throw invalid(index, "status is required (ACTIVE, SENSITIVE, SUPERSEDED or OLD_STYLE)");
        }
        try {
            return PdsStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(index, "status must be ACTIVE, SENSITIVE, SUPERSEDED or OLD_STYLE");
        }
    }

    private static OdsCode gpPractice(String gpPracticeOdsCode, int index) {
        if (gpPracticeOdsCode == null) {
            return null;
        }
        try {
            return new OdsCode(gpPracticeOdsCode);
        } catch (DomainViolation e) {
            throw invalid(index, "gpPracticeOdsCode is not an ODS code");
        }
    }

    private static Postcode placePostcode(String postcode, int index) {
        if (postcode == null) {
            return null;
        }
        try {
            return Postcode.of(postcode);
        } catch (DomainViolation e) {
            throw invalid(index, "postcode is not a UK postcode");
        }
    }

    private static NhsNumber nhsNumber(String field, String raw, int index) {
        if (raw == null) {
            throw invalid(index, field + " is required");
        }
        try {
            return NhsNumber.of(raw);
        } catch (DomainViolation e) {
            throw invalid(index, field + " is not a valid NHS number (10 digits, Modulus 11)");
        }
    }

    private static PdsStubConfigurationException invalid(int index, String problem) {
        return new PdsStubConfigurationException("entry " + index + ": " + problem);
    }
}
