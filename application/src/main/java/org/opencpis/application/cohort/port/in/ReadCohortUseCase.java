package org.opencpis.application.cohort.port.in;

import java.util.OptionalLong;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.cohort.CohortChanges;
import org.opencpis.domain.cohort.CohortId;

/**
 * Staff of the owning 0-19 service read its cohort: a silent read, audited per child, with no
 * Access to Service Notification.
 *
 * @throws CohortNotFound      when there is no such cohort
 * @throws CohortAccessDenied  when the actor does not act for the cohort's owner
 */
public interface ReadCohortUseCase {

    CohortMembers members(RequestContext context, CohortId id);

    /**
     * Joiners and leavers after the cursor; without one, the current members as joiners. Each
     * change is reported once: a child who joined and left again between two reads is not reported.
     *
     * @throws CohortRejected with {@code INVALID_CURSOR} for a cursor the cohort never gave
     */
    CohortChanges changes(RequestContext context, CohortId id, OptionalLong since);
}
