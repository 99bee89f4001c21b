package org.opencpis.application.cohort.port.in;

import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.cohort.Cohort;

/** An administrator defines (or redefines) a 0-19 service's cohort; its membership follows at once. */
public interface DefineCohortUseCase {
    /**
     * @return whether the cohort was created (false: redefined)
     * @throws CohortRejected with {@code UNKNOWN_ORGANISATION} when the owner is not registered
     */
    boolean define(RequestContext context, Cohort cohort);
}
