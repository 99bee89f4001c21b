package org.opencpis.adapters.spine.pds;

import java.util.Objects;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;

/**
 * What the PDS stub holds for one NHS number. {@code demographics} is absent only for a number
 * the stub knows by number alone (marked superseded at run time without a fixture entry): such a
 * record accepts any uploaded demographics. A SUPERSEDED record names its replacement and no
 * other record does. {@code gpPractice} and {@code postcode} are optional.
 */
public record PdsRecord(
        NhsNumber nhsNumber,
        Subject demographics,
        PdsStatus status,
        NhsNumber supersededBy,
        OdsCode gpPractice,
        Postcode postcode) {

    public PdsRecord {
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(status, "status");
        if ((status == PdsStatus.SUPERSEDED) != (supersededBy != null)) {
            throw new IllegalArgumentException("supersededBy is required for, and only for, a SUPERSEDED record");
        }
        if (nhsNumber.equals(supersededBy)) {
            throw new IllegalArgumentException("a number cannot supersede itself");
        }
    }

    /** A record the stub knows only by its number: superseded by {@code replacement}. */
    static PdsRecord supersededNumberOnly(NhsNumber nhsNumber, NhsNumber replacement) {
        return new PdsRecord(nhsNumber, null, PdsStatus.SUPERSEDED, replacement, null, null);
    }

    /** This record, now superseded by {@code replacement}; demographics and placement are kept. */
    PdsRecord supersededBy(NhsNumber replacement) {
        return new PdsRecord(nhsNumber, demographics, PdsStatus.SUPERSEDED, replacement, gpPractice, postcode);
    }

    boolean hasDemographics() {
        return demographics != null;
    }

    /**
     * The record's description with no demographic values, so that it can never leak into a log
     * line or an exception message.
     */
    @Override
    public String toString() {
        return "PdsRecord[status=" + status + "]";
    }
}
