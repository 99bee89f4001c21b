package org.opencpis.application.upload.service;

import org.opencpis.application.plan.port.out.RecordChanges;
import java.util.Optional;
import java.util.UUID;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordKey;

/**
 * Creates or updates the current record for a key, idempotently, inside the caller's transaction:
 * the decision {@code PlanService} takes for a record sent on its own — created; unchanged when the
 * details are the same; else updated, keeping the record's identity.
 *
 * <p>For speed over a large file it guesses, from the record before, whether the next key is new:
 * after a record was created it tries the insert first (one statement for a new record), otherwise
 * it reads the current record first (one statement for an unchanged one). Either order reaches
 * the same outcome; a wrong guess costs one statement.
 */
final class RecordKeeping {
    enum Change { CREATED, UPDATED, UNCHANGED }

    private final ProtectionRecords records;
    private final RecordChanges membership;
    private boolean lastWasNew;

    RecordKeeping(ProtectionRecords records, RecordChanges membership) {
        this.records = records;
        this.membership = membership;
    }

    /** Stores the record, then brings the child's cohort memberships up to date with it and the PDS placement. */
    Change store(RecordKey key, PlanDetails details, Placement pds) {
        Optional<ProtectionRecord> current = lastWasNew ? Optional.empty() : records.findCurrentForUpdate(key);
        if (current.isEmpty()) {
            ProtectionRecord created = ProtectionRecord.open(UUID.randomUUID(), key, details);
            if (records.insertIfAbsent(created)) {
                lastWasNew = true;
                membership.recordStored(created, pds);
                return Change.CREATED;
            }
            current = records.findCurrentForUpdate(key);
        }
        lastWasNew = false;
        ProtectionRecord existing = current.orElseThrow(() -> new IllegalStateException("record vanished while being recorded"));
        ProtectionRecord stored = existing.details().equals(details) ? existing : existing.revise(details);
        if (stored != existing) {
            records.update(stored);
        }
        membership.recordStored(stored, pds);
        return stored == existing ? Change.UNCHANGED : Change.UPDATED;
    }
}
