package org.opencpis.domain.audit;

/** An audit entry at its place in the chain: its sequence number, the previous entry's hash and its own. */
public record ChainedAuditEntry(long sequence, AuditEntry entry, String previousHash, String hash) {

    /** Whether {@link #hash()} is what the chain rule gives for this entry after {@code previousHash}. */
    public boolean isIntact() {
        return AuditChain.hash(sequence, entry, previousHash).equals(hash);
    }
}
