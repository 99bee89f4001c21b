package org.opencpis.application.plan.port.out;

import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.NhsNumber;

/**
 * Told of every change to the live store, inside the writer's transaction, so that what is derived
 * from records (the 0-19 cohorts) changes with them or not at all. Implemented by the cohort
 * feature's {@code CohortMembership}; the plan feature does not depend on cohorts.
 */
public interface RecordChanges {

    /** A record was created, revised or re-sent unchanged; {@code pds} is where PDS places the person now. */
    void recordStored(ProtectionRecord record, Placement pds);

    /** A record of the person was withdrawn or purged. */
    void personChanged(NhsNumber nhsNumber);
}
