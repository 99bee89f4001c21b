package org.opencpis.application.upload.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencpis.application.plan.port.out.Placement;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.plan.port.out.RecordChanges;
import org.opencpis.application.plan.port.out.RecordChanges.StoredRecord;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.shared.NhsNumber;

/**
 * Creates or updates the current records for keys, idempotently, inside the caller's transaction:
 * for each the decision {@code PlanService} takes for a record sent on its own — created; unchanged
 * when the details are the same; else updated, keeping the record's identity — and then the
 * children's cohort memberships brought up to date with the records and their PDS placements.
 *
 * <p>For speed over a large file the records are stored in runs, each in a few statements whatever
 * its length: the run's records are inserted where their keys are free, the others read (locked)
 * and the changed ones updated, then the memberships of the run's children are brought up to date
 * together. A child's memberships depend on all their records, so a run holds one record per child:
 * a second record of a child (of the same key or not) starts a new run, and the outcomes, records,
 * memberships and their change log are those of storing the records one after another.
 */
final class RecordKeeping {
    enum Change { CREATED, UPDATED, UNCHANGED }

    /** A verified record to store, and where PDS places its child. */
    record ToStore(RecordKey key, PlanDetails details, Placement pds) {
    }

    private final ProtectionRecords records;
    private final RecordChanges membership;

    RecordKeeping(ProtectionRecords records, RecordChanges membership) {
        this.records = records;
        this.membership = membership;
    }

    /** Stores the records as if one after another; returns what became of each, in order. */
    List<Change> storeAll(List<ToStore> batch) {
        List<Change> changes = new ArrayList<>(batch.size());
        List<ToStore> run = new ArrayList<>();
        Set<NhsNumber> children = new HashSet<>();
        for (ToStore next : batch) {
            if (!children.add(next.key().nhsNumber())) {
                changes.addAll(storeRun(run));
                run.clear();
                children.clear();
                children.add(next.key().nhsNumber());
            }
            run.add(next);
        }
        changes.addAll(storeRun(run));
        return changes;
    }

    /** Records of different children. */
    private List<Change> storeRun(List<ToStore> run) {
        if (run.isEmpty()) {
            return List.of();
        }
        List<ProtectionRecord> opened = run.stream().map(one -> ProtectionRecord.open(UUID.randomUUID(), one.key(), one.details())).toList();
        Set<UUID> created = records.insertAllIfAbsent(opened);
        List<RecordKey> held = opened.stream().filter(record -> !created.contains(record.id())).map(ProtectionRecord::key).toList();
        Map<RecordKey, ProtectionRecord> existing = held.isEmpty() ? Map.of() : records.findAllCurrentForUpdate(held);
        List<Change> changes = new ArrayList<>(run.size());
        List<ProtectionRecord> revised = new ArrayList<>();
        List<StoredRecord> stored = new ArrayList<>(run.size());
        for (int i = 0; i < run.size(); i++) {
            ToStore one = run.get(i);
            ProtectionRecord record = opened.get(i);
            if (created.contains(record.id())) {
                changes.add(Change.CREATED);
            } else {
                ProtectionRecord current = existing.get(one.key());
                if (current == null) {
                    throw new IllegalStateException("record vanished while being recorded");
                }
                record = current.details().equals(one.details()) ? current : current.revise(one.details());
                changes.add(record == current ? Change.UNCHANGED : Change.UPDATED);
                if (record != current) {
                    revised.add(record);
                }
            }
            stored.add(new StoredRecord(record, one.pds(), created.contains(record.id())));
        }
        if (!revised.isEmpty()) {
            records.updateAll(revised);
        }
        membership.recordsStored(stored);
        return changes;
    }
}
