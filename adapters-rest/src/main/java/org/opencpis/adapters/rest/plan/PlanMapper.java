package org.opencpis.adapters.rest.plan;

import java.time.LocalDate;
import java.util.Objects;
import org.opencpis.adapters.rest.shared.Fields;
import org.opencpis.application.plan.port.in.PlanView;
import org.opencpis.domain.plan.LacLegalStatus;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;
import org.opencpis.domain.shared.SchoolUrn;

/** Between the plan JSON and the domain; every field error is reported at once. */
final class PlanMapper {
    private PlanMapper() {
    }

    static RecordKey key(OdsCode localAuthority, String nhsNumber, String planType) {
        Fields fields = new Fields();
        NhsNumber nhs = fields.value("nhsNumber", () -> NhsNumber.of(nhsNumber));
        PlanType type = fields.value("planType", () -> PlanType.parse(planType));
        fields.orThrow();
        return new RecordKey(localAuthority, nhs, type);
    }

    static PlanDetails details(PlanType planType, PlanRequest body) {
        Fields fields = new Fields();
        if (body == null) {
            fields.required("body", null);
            fields.orThrow();
        }
        LocalDate start = fields.date("startDate", body.startDate(), true);
        LocalDate end = fields.date("endDate", body.endDate(), false);
        LocalDate delete = fields.date("deleteDate", body.deleteDate(), false);
        LocalDate birth = fields.date("dateOfBirth", body.dateOfBirth(), true);
        LacLegalStatus legalStatus = fields.optional("lacLegalStatus", body.lacLegalStatus(), LacLegalStatus::parse);
        SchoolUrn school = fields.optional("schoolUrn", body.schoolUrn(), SchoolUrn::new);
        OdsCode gp = fields.optional("gpPracticeOdsCode", body.gpPracticeOdsCode(), raw -> OdsCode.of(raw, "gpPracticeOdsCode"));
        Postcode postcode = fields.optional("postcode", body.postcode(), Postcode::of);
        Subject subject = birth == null ? null : fields.value("familyName",
                () -> new Subject(body.familyName(), body.givenNames(), birth));
        fields.orThrow();
        PlanDetails details = fields.value("startDate", () -> new PlanDetails(start, end, delete, subject,
                body.localId(), legalStatus, school, gp, postcode));
        fields.orThrow();
        fields.value("lacLegalStatus", () -> {
            details.checkFits(planType);
            return details;
        });
        fields.orThrow();
        return details;
    }

    static PlanResponse toResponse(PlanView view) {
        ProtectionRecord record = view.record();
        PlanDetails details = record.details();
        return new PlanResponse(record.key().nhsNumber().value(), record.key().planType().name(), view.status().name(),
                text(details.startDate()), text(details.endDate()), record.visibleUntil().map(LocalDate::toString).orElse(null),
                record.deleteDate().map(LocalDate::toString).orElse(null), details.subject().familyName(),
                details.subject().givenNames(), text(details.subject().dateOfBirth()), details.localId(),
                text(details.lacLegalStatus()), text(details.schoolUrn()), text(details.gpPractice()),
                text(details.postcode()), record.key().localAuthority().value());
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }
}
