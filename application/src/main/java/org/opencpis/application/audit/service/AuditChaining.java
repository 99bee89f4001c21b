package org.opencpis.application.audit.service;

import org.opencpis.application.audit.port.in.ChainAuditTrailUseCase;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.shared.port.out.Transactions;

/**
 * Chains recorded audit entries a batch per transaction, so that the head is locked briefly and a
 * large backlog (after an upload) never makes one long transaction. Several instances may run it at
 * once: the trail serialises chainers.
 */
public final class AuditChaining implements ChainAuditTrailUseCase {
    static final int BATCH = 1_000;

    private final AuditTrail audit;
    private final Transactions transactions;

    public AuditChaining(AuditTrail audit, Transactions transactions) {
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public long chainRecorded() {
        long total = 0;
        int chained;
        do {
            chained = transactions.inTransaction(() -> audit.chainRecorded(BATCH));
            total += chained;
        } while (chained == BATCH);
        return total;
    }
}
