package org.opencpis.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The tamper-evidence rule: each entry's hash is SHA-256 over its sequence number, its fields and
 * the previous entry's hash, so changing, removing or reordering any entry breaks every hash
 * after it. Each field is length-prefixed and an absent field is distinct from an empty one. Times are taken to the microsecond, the precision the store keeps.
 */
public final class AuditChain {
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(long sequence, AuditEntry entry, String previousHash) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {
                Long.toString(sequence),
                entry.at().truncatedTo(ChronoUnit.MICROS).toString(),
                entry.actor().subject(),
                entry.actor().organisation().value(),
                entry.actor().role(),
                entry.actor().roleProfileId(),
                entry.action(),
                entry.nhsNumber() == null ? null : entry.nhsNumber().value(),
                entry.requestId(),
                entry.outcome(),
                previousHash}) {
            encode(canonical, field);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static ChainedAuditEntry append(long sequence, AuditEntry entry, String previousHash) {
        return new ChainedAuditEntry(sequence, entry, previousHash, hash(sequence, entry, previousHash));
    }

    /** Length-prefixed, with absence distinct from the empty string, so no field can bleed into the next. */
    private static void encode(StringBuilder canonical, String field) {
        if (field == null) {
            canonical.append("-;");
        } else {
            canonical.append(field.length()).append(':').append(field).append(';');
        }
    }
}
