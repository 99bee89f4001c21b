package org.opencpis.domain.plan;

import java.util.UUID;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/** Test data: a record held by Islington (706) for test NHS number 9990000018; LAC gets status S31 unless told otherwise. */
final class ProtectionRecordBuilder {
    static final OdsCode ISLINGTON = new OdsCode("706");
    static final NhsNumber CHILD = new NhsNumber("9990000018");

    private final PlanType planType;
    private PlanDetailsBuilder details = PlanDetailsBuilder.aPlan();

    private ProtectionRecordBuilder(PlanType planType) {
        this.planType = planType;
        if (planType == PlanType.LAC) {
            details.withLegalStatus(LacLegalStatus.S31);
        }
    }

    static ProtectionRecordBuilder a(PlanType planType) {
        return new ProtectionRecordBuilder(planType);
    }

    ProtectionRecordBuilder with(PlanDetailsBuilder value) {
        details = value;
        return this;
    }

    PlanDetailsBuilder details() {
        return details;
    }

    RecordKey key() {
        return new RecordKey(ISLINGTON, CHILD, planType);
    }

    ProtectionRecord open() {
        return ProtectionRecord.open(UUID.randomUUID(), key(), details.build());
    }
}
