package org.opencpis.application.testing;

import java.time.LocalDate;
import org.opencpis.domain.plan.LacLegalStatus;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;
import org.opencpis.domain.shared.SchoolUrn;

/** Builds valid {@link PlanDetails}: an open plan started on 15 January 2024 unless told otherwise. */
public final class PlanDetailsBuilder {
    private LocalDate startDate = LocalDate.of(2024, 1, 15);
    private LocalDate endDate;
    private LocalDate explicitDeleteDate;
    private Subject subject = TestData.subject();
    private String localId;
    private LacLegalStatus lacLegalStatus;
    private SchoolUrn schoolUrn;
    private OdsCode gpPractice;
    private Postcode postcode;

    private PlanDetailsBuilder() {
    }

    /** An open plan of this type: a LAC plan gets legal status S31. */
    public static PlanDetailsBuilder planFor(PlanType type) {
        PlanDetailsBuilder builder = new PlanDetailsBuilder();
        builder.lacLegalStatus = type == PlanType.LAC ? LacLegalStatus.S31 : null;
        return builder;
    }

    /** A plan of this type with every optional field filled in. */
    public static PlanDetailsBuilder fullPlanFor(PlanType type) {
        return planFor(type)
                .endingOn(LocalDate.of(2026, 2, 28))
                .deletedOn(LocalDate.of(2026, 6, 30))
                .localId("CASE-0042/b")
                .schoolUrn(new SchoolUrn("100001"))
                .gpPractice(new OdsCode("F84003"))
                .postcode(Postcode.of("n1 1aa"));
    }

    public PlanDetailsBuilder startingOn(LocalDate date) {
        startDate = date;
        return this;
    }

    public PlanDetailsBuilder endingOn(LocalDate date) {
        endDate = date;
        return this;
    }

    public PlanDetailsBuilder deletedOn(LocalDate date) {
        explicitDeleteDate = date;
        return this;
    }

    public PlanDetailsBuilder subject(Subject newSubject) {
        subject = newSubject;
        return this;
    }

    public PlanDetailsBuilder localId(String id) {
        localId = id;
        return this;
    }

    public PlanDetailsBuilder lacLegalStatus(LacLegalStatus status) {
        lacLegalStatus = status;
        return this;
    }

    public PlanDetailsBuilder schoolUrn(SchoolUrn urn) {
        schoolUrn = urn;
        return this;
    }

    public PlanDetailsBuilder gpPractice(OdsCode practice) {
        gpPractice = practice;
        return this;
    }

    public PlanDetailsBuilder postcode(Postcode code) {
        postcode = code;
        return this;
    }

    public PlanDetails build() {
        return new PlanDetails(startDate, endDate, explicitDeleteDate, subject, localId, lacLegalStatus, schoolUrn,
                gpPractice, postcode);
    }
}
