package org.opencpis.application.audit.service;

import java.time.Clock;
import org.opencpis.domain.audit.AuditSearch;
import org.opencpis.application.audit.port.in.ChainAuditTrailUseCase;
import org.opencpis.application.audit.port.in.ReadAuditTrailUseCase;
import org.opencpis.application.audit.port.in.VerifyAuditTrailUseCase;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.audit.AuditChain;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.ChainedAuditEntry;

/**
 * Lets auditors read and verify the trail. Both first chain what has been recorded (ADR 0012), so
 * that they cover every entry committed before the request.
 */
public final class AuditService implements ReadAuditTrailUseCase, VerifyAuditTrailUseCase {
    private final AuditTrail audit;
    private final ChainAuditTrailUseCase chaining;
    private final Transactions transactions;
    private final Clock clock;

    public AuditService(AuditTrail audit, ChainAuditTrailUseCase chaining, Transactions transactions, Clock clock) {
        this.audit = audit;
        this.chaining = chaining;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Page<ChainedAuditEntry> search(RequestContext context, AuditSearch search, PageRequest page) {
        chaining.chainRecorded();
        return transactions.inTransaction(() -> {
            Page<ChainedAuditEntry> result = audit.search(search, page);
            audit.append(new AuditEntry(clock.instant(), context.actor(), "AUDIT_READ", search.nhsNumber(),
                    context.requestId(), "OK"));
            return result;
        });
    }

    @Override
    public Verification verify(RequestContext context) {
        chaining.chainRecorded();
        return transactions.inTransaction(() -> {
            // the head first: entries appended while the chain is read come after it, and only
            // prove nothing was cut off when the chain reaches the head with the head's hash
            AuditTrail.Head head = audit.head();
            ChainCheck check = new ChainCheck(head.sequence());
            audit.forEachInSequence(check);
            boolean reachesHead = check.count >= head.sequence() && check.hashAtHead.equals(head.hash());
            return new Verification(check.valid && reachesHead, check.count);
        });
    }

    private static final class ChainCheck implements java.util.function.Consumer<ChainedAuditEntry> {
        private final long headSequence;
        private String hashAtHead = AuditChain.GENESIS;
        private String previousHash = AuditChain.GENESIS;
        private long expectedSequence = 1;
        private long count;
        private boolean valid = true;

        ChainCheck(long headSequence) {
            this.headSequence = headSequence;
        }

        @Override
        public void accept(ChainedAuditEntry entry) {
            count++;
            if (entry.sequence() != expectedSequence || !entry.previousHash().equals(previousHash) || !entry.isIntact()) {
                valid = false;
            }
            previousHash = entry.hash();
            if (entry.sequence() == headSequence) {
                hashAtHead = entry.hash();
            }
            expectedSequence = entry.sequence() + 1;
        }
    }
}
