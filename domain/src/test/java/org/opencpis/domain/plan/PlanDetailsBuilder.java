package org.opencpis.domain.plan;

import java.time.LocalDate;
import java.util.List;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;
import org.opencpis.domain.shared.SchoolUrn;

/** Test data: valid plan details for a CPP started on 1 April 2024, changed one field at a time. */
final class PlanDetailsBuilder {
    static final LocalDate START = LocalDate.of(2024, 4, 1);

    private LocalDate startDate = START;
    private LocalDate endDate;
    private LocalDate explicitDeleteDate;
    private Subject subject = new Subject("Smith", List.of("Amy", "Jane"), LocalDate.of(2015, 6, 30));
    private String localId = "CASE-1";
    private LacLegalStatus lacLegalStatus;
    private SchoolUrn schoolUrn = new SchoolUrn("100000");
    private OdsCode gpPractice = new OdsCode("Y01234");
    private Postcode postcode = Postcode.of("N1 1AA");

    static PlanDetailsBuilder aPlan() {
        return new PlanDetailsBuilder();
    }

    PlanDetailsBuilder startingOn(LocalDate value) {
        startDate = value;
        return this;
    }

    PlanDetailsBuilder endingOn(LocalDate value) {
        endDate = value;
        return this;
    }

    PlanDetailsBuilder deletedOn(LocalDate value) {
        explicitDeleteDate = value;
        return this;
    }

    PlanDetailsBuilder about(Subject value) {
        subject = value;
        return this;
    }

    PlanDetailsBuilder withLocalId(String value) {
        localId = value;
        return this;
    }

    PlanDetailsBuilder withLegalStatus(LacLegalStatus value) {
        lacLegalStatus = value;
        return this;
    }

    PlanDetailsBuilder withoutPlacement() {
        schoolUrn = null;
        gpPractice = null;
        postcode = null;
        return this;
    }

    PlanDetails build() {
        return new PlanDetails(startDate, endDate, explicitDeleteDate, subject, localId, lacLegalStatus,
                schoolUrn, gpPractice, postcode);
    }
}
