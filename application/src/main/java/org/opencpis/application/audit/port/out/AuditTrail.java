package org.opencpis.application.audit.port.out;

import java.util.function.Consumer;
import org.opencpis.domain.audit.AuditSearch;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.domain.audit.ChainedAuditEntry;
import org.opencpis.domain.audit.AuditEntry;

/**
 * The append-only, hash-chained audit trail.
 *
 * <p>{@link #append} joins the caller's transaction: the entry commits with the change it
 * records or not at all. Appends are serialised so that each entry is chained to the one before
 * it by {@link org.opencpis.domain.audit.AuditChain}; sequence numbers start at 1 and have no gaps
 * among committed entries.
 */
public interface AuditTrail {
    ChainedAuditEntry append(AuditEntry entry);

    /** Entries matching the search, oldest first. */
    Page<ChainedAuditEntry> search(AuditSearch search, PageRequest page);

    /** Every entry in sequence order, for verification. */
    void forEachInSequence(Consumer<ChainedAuditEntry> visitor);

    /**
     * The head of the chain as recorded with the last append, kept apart from the entries so that
     * removing the newest entries is detected: sequence 0 and {@code AuditChain.GENESIS} when empty.
     */
    Head head();

    record Head(long sequence, String hash) {
    }
}
