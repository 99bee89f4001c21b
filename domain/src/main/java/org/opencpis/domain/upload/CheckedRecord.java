package org.opencpis.domain.upload;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.opencpis.domain.plan.LacLegalStatus;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;
import org.opencpis.domain.shared.SchoolUrn;

/**
 * An uploaded record checked against the same rules as a record sent one at a time (CONTRACT §6):
 * either a valid key and details, or every field error found. An invalid record is answered
 * CPR07 with those errors as its detail.
 */
public sealed interface CheckedRecord {

    /** A record that satisfies every rule of the domain: it may be verified against PDS and stored. */
    record Valid(RecordKey key, PlanDetails details) implements CheckedRecord {
    }

    /** A record that breaks at least one rule; {@code errors} is never empty. */
    record Invalid(List<FieldError> errors) implements CheckedRecord {
        public Invalid {
            if (errors == null || errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid record has at least one error");
            }
            errors = List.copyOf(errors);
        }

        /** The errors as one line: {@code field CODE (message); ...}. */
        public String detail() {
            return errors.stream().map(FieldError::describe).collect(Collectors.joining("; "));
        }
    }

    /** Checks a record the local authority {@code localAuthority} uploaded; reports every field error at once. */
    static CheckedRecord check(OdsCode localAuthority, UploadedRecord raw) {
        FieldErrors errors = new FieldErrors();
        NhsNumber nhsNumber = errors.value("nhsNumber", () -> NhsNumber.of(raw.nhsNumber()));
        PlanType planType = errors.value("planType", () -> PlanType.parse(raw.planType()));
        LocalDate start = errors.date("startDate", raw.startDate(), true);
        LocalDate end = errors.date("endDate", raw.endDate(), false);
        LocalDate delete = errors.date("deleteDate", raw.deleteDate(), false);
        LocalDate birth = errors.date("dateOfBirth", raw.dateOfBirth(), true);
        LacLegalStatus legalStatus = errors.optional("lacLegalStatus", raw.lacLegalStatus(), LacLegalStatus::parse);
        SchoolUrn school = errors.optional("schoolUrn", raw.schoolUrn(), SchoolUrn::new);
        OdsCode gp = errors.optional("gpPracticeOdsCode", raw.gpPracticeOdsCode(), code -> OdsCode.of(code, "gpPracticeOdsCode"));
        Postcode postcode = errors.optional("postcode", raw.postcode(), Postcode::of);
        Subject subject = birth == null ? null
                : errors.value("familyName", () -> new Subject(raw.familyName(), raw.givenNames(), birth));
        if (birth == null) {
            errors.value("familyName", () -> new Subject(raw.familyName(), raw.givenNames(), LocalDate.EPOCH));
        }
        if (errors.any()) {
            return errors.invalid();
        }
        PlanDetails details = errors.value("startDate",
                () -> new PlanDetails(start, end, delete, subject, raw.localId(), legalStatus, school, gp, postcode));
        if (details != null) {
            errors.value("lacLegalStatus", () -> {
                details.checkFits(planType);
                return details;
            });
        }
        if (errors.any()) {
            return errors.invalid();
        }
        return new Valid(new RecordKey(localAuthority, nhsNumber, planType), details);
    }
}
