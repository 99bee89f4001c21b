package org.opencpis.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The tamper-evidence rule: each entry's hash is SHA-256 over its sequence number, its fields and
 * the previous entry's hash, so changing, removing or reordering any entry breaks every hash
 * after it. Times are taken to the microsecond, the precision the store keeps.
 */
public final class AuditChain {
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(long sequence, AuditEntry entry, String previousHash) {
        String canonical = String.join("\u001f",
                Long.toString(sequence),
                entry.at().truncatedTo(ChronoUnit.MICROS).toString(),
                entry.actor().subject(),
                entry.actor().organisation().value(),
                entry.actor().role(),
                nullToEmpty(entry.actor().roleProfileId()),
                entry.action(),
                entry.nhsNumber() == null ? "" : entry.nhsNumber().value(),
                nullToEmpty(entry.requestId()),
                entry.outcome(),
                previousHash);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static ChainedAuditEntry append(long sequence, AuditEntry entry, String previousHash) {
        return new ChainedAuditEntry(sequence, entry, previousHash, hash(sequence, entry, previousHash));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
