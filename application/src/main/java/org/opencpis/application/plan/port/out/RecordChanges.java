package org.opencpis.application.plan.port.out;

import java.util.List;
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

    /**
     * Records of different people were stored (each as for {@link #recordStored}): the same as
     * {@link #recordStored} for each in turn, in fewer round trips.
     *
     * @throws IllegalArgumentException when two of the records are of one person
     */
    void recordsStored(List<StoredRecord> stored);

    /** A record of the person was withdrawn or purged. */
    void personChanged(NhsNumber nhsNumber);

    /**
     * A record as stored, and where PDS places its person now; {@code created} when this write
     * created it (nothing derived from it exists yet).
     */
    record StoredRecord(ProtectionRecord record, Placement pds, boolean created) {
        public StoredRecord(ProtectionRecord record, Placement pds) {
            this(record, pds, false);
        }
    }
}
