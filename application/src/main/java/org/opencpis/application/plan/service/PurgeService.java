package org.opencpis.application.plan.service;

import org.opencpis.application.plan.port.out.RecordChanges;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.plan.port.in.PurgeExpiredPlansUseCase;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.Actor;

/**
 * Purges records past their delete date in batches, each batch with its audit entries in one
 * transaction. A record is hidden from its delete date, so purging it is also when its child
 * leaves the cohorts it placed them in.
 */
public final class PurgeService implements PurgeExpiredPlansUseCase {
    static final int BATCH = 500;
    private static final Actor PURGER = Actor.system("purge");

    private final ProtectionRecords records;
    private final RecordChanges membership;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public PurgeService(ProtectionRecords records, RecordChanges membership, AuditTrail audit, Transactions transactions,
                        Clock clock) {
        this.records = records;
        this.membership = membership;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int purge() {
        LocalDate today = LocalDate.now(clock);
        int total = 0;
        int purged;
        do {
            purged = transactions.inTransaction(() -> purgeBatch(today));
            total += purged;
        } while (purged == BATCH);
        return total;
    }

    private int purgeBatch(LocalDate today) {
        List<ProtectionRecord> due = records.findDueForPurge(today, BATCH);
        for (ProtectionRecord record : due) {
            records.delete(record.id());
            audit.append(new AuditEntry(clock.instant(), PURGER, "PLAN_PURGE:" + record.key().planType(),
                    record.key().nhsNumber(), null, record.isWithdrawn() ? "WITHDRAWN_PURGED" : "EXPIRED_PURGED"));
        }
        due.stream().map(record -> record.key().nhsNumber()).distinct().forEach(membership::personChanged);
        return due.size();
    }
}
