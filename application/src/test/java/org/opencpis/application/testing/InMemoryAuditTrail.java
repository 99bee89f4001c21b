package org.opencpis.application.testing;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.opencpis.domain.audit.AuditSearch;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.domain.audit.AuditChain;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.ChainedAuditEntry;

/**
 * The hash-chained trail in lists: appends wait in {@code recorded} until {@link #chainRecorded} chains
 * them, as in the database; with ways to tamper with it so that tests can watch verification fail.
 */
public final class InMemoryAuditTrail implements AuditTrail {
    private final List<AuditEntry> recorded = new ArrayList<>();
    private final List<ChainedAuditEntry> entries = new ArrayList<>();
    private Head head = new Head(0, AuditChain.GENESIS);

    @Override
    public synchronized void append(AuditEntry entry) {
        recorded.add(toMicros(entry));
    }

    @Override
    public synchronized int chainRecorded(int limit) {
        int chained = Math.min(limit, recorded.size());
        for (AuditEntry entry : recorded.subList(0, chained)) {
            ChainedAuditEntry next = AuditChain.append(head.sequence() + 1, entry, head.hash());
            entries.add(next);
            head = new Head(next.sequence(), next.hash());
        }
        recorded.subList(0, chained).clear();
        return chained;
    }

    @Override
    public synchronized Page<ChainedAuditEntry> search(AuditSearch search, PageRequest page) {
        List<ChainedAuditEntry> rows = entries.stream()
                .filter(matching(search))
                .skip(page.offset())
                .limit(page.size() + 1L)
                .toList();
        return Page.fromLookahead(rows, page.size());
    }

    @Override
    public void forEachInSequence(Consumer<ChainedAuditEntry> visitor) {
        List<ChainedAuditEntry> chained;
        synchronized (this) {
            chained = List.copyOf(entries);
        }
        chained.forEach(visitor);
    }

    @Override
    public synchronized Head head() {
        return head;
    }

    /** Every entry appended so far, chained first. */
    public synchronized List<ChainedAuditEntry> entries() {
        chainRecorded(Integer.MAX_VALUE);
        return List.copyOf(entries);
    }

    /** Rewrites the fields of one entry, keeping its stored hashes, as an attacker with table access could. */
    public synchronized void tamper(long sequence, UnaryOperator<AuditEntry> change) {
        int index = indexOf(sequence);
        ChainedAuditEntry original = entries.get(index);
        entries.set(index, new ChainedAuditEntry(original.sequence(), change.apply(original.entry()),
                original.previousHash(), original.hash()));
    }

    /** Removes one entry, leaving every other exactly as it was. */
    public synchronized void remove(long sequence) {
        entries.removeIf(entry -> entry.sequence() == sequence);
    }

    private int indexOf(long sequence) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).sequence() == sequence) {
                return i;
            }
        }
        throw new IllegalArgumentException("no entry " + sequence);
    }

    private static Predicate<ChainedAuditEntry> matching(AuditSearch search) {
        return chained -> {
            AuditEntry entry = chained.entry();
            return (search.nhsNumber() == null || search.nhsNumber().equals(entry.nhsNumber()))
                    && (search.from() == null || !entry.at().isBefore(search.from()))
                    && (search.to() == null || entry.at().isBefore(search.to()));
        };
    }

    private static AuditEntry toMicros(AuditEntry entry) {
        return new AuditEntry(entry.at().truncatedTo(ChronoUnit.MICROS), entry.actor(), entry.action(),
                entry.nhsNumber(), entry.requestId(), entry.outcome());
    }
}
