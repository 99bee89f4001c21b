package org.opencpis.application.plan.port.in;

import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.plan.RecordKey;

/** An LA withdraws a record entered in error: hidden from clinicians at once, then purged. */
public interface WithdrawPlanUseCase {
    /** @return false when the LA holds no current record for the key */
    boolean withdraw(RequestContext context, RecordKey key);
}
