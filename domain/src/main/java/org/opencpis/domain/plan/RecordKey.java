package org.opencpis.domain.plan;

import java.util.Objects;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/** What identifies a current record: the responsible local authority, the NHS number and the plan type. */
public record RecordKey(OdsCode localAuthority, NhsNumber nhsNumber, PlanType planType) {
    public RecordKey {
        Objects.requireNonNull(localAuthority, "localAuthority");
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(planType, "planType");
    }
}
