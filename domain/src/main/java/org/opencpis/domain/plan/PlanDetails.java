package org.opencpis.domain.plan;

import java.time.LocalDate;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;
import org.opencpis.domain.shared.SchoolUrn;

/**
 * What an LA says about one plan. Invariants: a start date; an end date, if any, not before it;
 * an explicit delete date (used by LAs only to withdraw a record sent in error), if any, not
 * before the start date. The optional school, GP practice and postcode place the child for
 * 0-19 cohorts.
 */
public record PlanDetails(
        LocalDate startDate,
        LocalDate endDate,
        LocalDate explicitDeleteDate,
        Subject subject,
        String localId,
        LacLegalStatus lacLegalStatus,
        SchoolUrn schoolUrn,
        OdsCode gpPractice,
        Postcode postcode) {

    private static final int MAX_LOCAL_ID = 64;

    public PlanDetails {
        if (startDate == null) {
            throw new DomainViolation("MISSING_FIELD", "startDate", "start date is required");
        }
        if (subject == null) {
            throw new DomainViolation("MISSING_FIELD", "subject", "the subject's demographics are required");
        }
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new DomainViolation("END_BEFORE_START", "endDate", "end date is before start date");
        }
        if (explicitDeleteDate != null && explicitDeleteDate.isBefore(startDate)) {
            throw new DomainViolation("DELETE_BEFORE_START", "deleteDate", "delete date is before start date");
        }
        if (localId != null && (localId.isBlank() || localId.length() > MAX_LOCAL_ID
                || localId.chars().anyMatch(Character::isISOControl))) {
            throw new DomainViolation("INVALID_LOCAL_ID", "localId", "local id must be 1 to " + MAX_LOCAL_ID + " printable characters");
        }
    }

    /** A LAC plan carries its legal status (S31, S38 or S20) and no other plan type does. */
    public void checkFits(PlanType planType) {
        boolean lac = planType == PlanType.LAC;
        if (lac && lacLegalStatus == null) {
            throw new DomainViolation("MISSING_FIELD", "lacLegalStatus", "a LAC record needs its legal status (S31, S38 or S20)");
        }
        if (!lac && lacLegalStatus != null) {
            throw new DomainViolation(LacLegalStatus.INVALID, "lacLegalStatus", "a legal status belongs to LAC records only");
        }
    }

    /** Only the plan's dates: demographics and placement never reach logs or exception messages. */
    @Override
    public String toString() {
        return "PlanDetails[start=" + startDate + ", end=" + endDate + ", delete=" + explicitDeleteDate + "]";
    }
}
