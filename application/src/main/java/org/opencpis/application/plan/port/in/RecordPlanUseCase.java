package org.opencpis.application.plan.port.in;

import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordKey;

/**
 * An LA records a plan, creating or updating its current record for the key (idempotent: the
 * same details again change nothing). The demographics are verified against PDS first; a
 * failure is a {@link PlanRejected} with its CPR code, and an unregistered LA is rejected with
 * {@code UNKNOWN_ORGANISATION}. Every attempt is audited.
 */
public interface RecordPlanUseCase {

    RecordPlanResult record(RequestContext context, RecordKey key, PlanDetails details);

    enum Change { CREATED, UPDATED, UNCHANGED }

    record RecordPlanResult(PlanView plan, Change change) {
        public ProtectionRecord record() {
            return plan.record();
        }
    }
}
