package org.opencpis.application.plan.port.in;

import java.util.Optional;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.RecordStatus;

/**
 * An LA reads its own current records. Another LA's record is simply not found. Every record
 * read is audited.
 */
public interface ReadPlansUseCase {
    Optional<PlanView> read(RequestContext context, RecordKey key);

    /** The acting LA's current records, optionally only those ACTIVE or ENDED today. */
    Page<PlanView> list(RequestContext context, RecordStatus status, PageRequest page);
}
