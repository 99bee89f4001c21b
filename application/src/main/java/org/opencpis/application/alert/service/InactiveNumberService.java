package org.opencpis.application.alert.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.opencpis.application.alert.port.in.ReportSupersededNumberUseCase;
import org.opencpis.application.alert.port.out.InactiveNumberNotices;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.alert.InactiveNumberNotice;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.shared.NhsNumber;

/**
 * Turns PDS's word that a number is superseded into one Inactive NHS Number Notification per LA
 * holding current records under it, stored in the outbox with an audit entry each, in one
 * transaction: a notice is either queued and audited, or neither.
 */
public final class InactiveNumberService implements ReportSupersededNumberUseCase {
    static final String ACTION = "INACTIVE_NUMBER_NOTICE";

    private final ProtectionRecords records;
    private final InactiveNumberNotices notices;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public InactiveNumberService(ProtectionRecords records, InactiveNumberNotices notices, AuditTrail audit,
                                 Transactions transactions, Clock clock) {
        this.records = records;
        this.notices = notices;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int numberSuperseded(NhsNumber old, NhsNumber replacement, RequestContext context) {
        if (old.equals(replacement)) {
            throw new IllegalArgumentException("a number cannot supersede itself");
        }
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            int queued = 0;
            for (InactiveNumberNotice notice : InactiveNumberNotice.forSupersededNumber(old, replacement,
                    records.findCurrent(old), now, UUID::randomUUID)) {
                if (notices.storeIfNew(notice)) {
                    audit.append(new AuditEntry(now, context.actor(), ACTION, old, context.requestId(),
                            "QUEUED for " + notice.localAuthority().value()));
                    queued++;
                }
            }
            return queued;
        });
    }
}
