package org.opencpis.domain.cohort;

import java.util.HashSet;
import java.util.Set;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;

/**
 * The cohort rule's first half: where a record places its child, as criteria. The school is the
 * LA's; the GP practice and the postcode district are the LA's where it gave them, else those PDS
 * holds; the responsible LA always places the child. (The second half: a child is a member of a
 * cohort while one of its visible records shares a criterion with the cohort.)
 */
public final class CohortPlacement {
    private CohortPlacement() {
    }

    public static Set<Criterion> of(ProtectionRecord record, OdsCode pdsGpPractice, Postcode pdsPostcode) {
        PlanDetails details = record.details();
        Set<Criterion> placement = new HashSet<>();
        placement.add(new Criterion(Criterion.Kind.LOCAL_AUTHORITY, record.key().localAuthority().value()));
        if (details.schoolUrn() != null) {
            placement.add(new Criterion(Criterion.Kind.SCHOOL_URN, details.schoolUrn().value()));
        }
        OdsCode practice = details.gpPractice() != null ? details.gpPractice() : pdsGpPractice;
        if (practice != null) {
            placement.add(new Criterion(Criterion.Kind.GP_PRACTICE, practice.value()));
        }
        Postcode postcode = details.postcode() != null ? details.postcode() : pdsPostcode;
        if (postcode != null) {
            placement.add(new Criterion(Criterion.Kind.POSTCODE_DISTRICT, PostcodeDistrict.of(postcode).value()));
        }
        return Set.copyOf(placement);
    }
}
