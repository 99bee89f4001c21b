package org.opencpis.application.audit.port.out;

import java.util.List;
import java.util.function.Consumer;
import org.opencpis.domain.audit.AuditSearch;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.domain.audit.ChainedAuditEntry;
import org.opencpis.domain.audit.AuditEntry;

/**
 * The append-only, hash-chained audit trail (ADR 0006, ADR 0012).
 *
 * <p>{@link #append} joins the caller's transaction: the entry commits with the change it records
 * or not at all. It records the entry <em>unchained</em>, so appends never wait for each other.
 * {@link #chainRecorded} later chains committed entries, in the order they were recorded, each to the
 * one before it by {@link org.opencpis.domain.audit.AuditChain}: chainers are serialised, and sequence
 * numbers start at 1 and have no gaps among chained entries. {@link #search}, {@link #forEachInSequence}
 * and {@link #head} see chained entries only.
 */
public interface AuditTrail {

    /** Records the entry, unchained, in the caller's transaction. */
    void append(AuditEntry entry);

    /** Records the entries, in this order, in the caller's transaction. */
    default void appendAll(List<AuditEntry> entries) {
        entries.forEach(this::append);
    }

    /**
     * Chains up to {@code limit} committed, unchained entries, oldest recorded first, after the head,
     * and moves the head to the last of them, in the caller's transaction; another chainer waits
     * until it ends. Answers how many it chained.
     */
    int chainRecorded(int limit);

    /** Chained entries matching the search, in sequence order. */
    Page<ChainedAuditEntry> search(AuditSearch search, PageRequest page);

    /** Every chained entry in sequence order, for verification. */
    void forEachInSequence(Consumer<ChainedAuditEntry> visitor);

    /**
     * The head of the chain as recorded with the last chaining, kept apart from the entries so that
     * removing the newest entries is detected: sequence 0 and {@code AuditChain.GENESIS} when empty.
     */
    Head head();

    record Head(long sequence, String hash) {
    }
}
