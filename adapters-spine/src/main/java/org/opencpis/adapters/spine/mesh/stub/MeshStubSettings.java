package org.opencpis.adapters.spine.mesh.stub;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;

/**
 * The MESH stub's settings. The first three are shared with the MESH client; the rest are the
 * stub's own, with the national service's values as defaults.
 *
 * <ul>
 *   <li>{@code opencpis.mesh.shared-key} ({@code OPENCPIS_MESH_SHARED_KEY}): the HMAC key of every
 *       token; default {@value #DEFAULT_SHARED_KEY}, the value NHS Digital's own MESH sandbox is
 *       run with. A development value: set a real one anywhere that matters.</li>
 *   <li>{@code opencpis.mesh.mailbox} ({@code OPENCPIS_MESH_MAILBOX}): OpenCPIS's own mailbox,
 *       default {@value #DEFAULT_MAILBOX}.</li>
 *   <li>{@code opencpis.mesh.password} ({@code OPENCPIS_MESH_PASSWORD}): its password, default
 *       {@value #DEFAULT_PASSWORD} (the sandbox's mailbox password). A development value.</li>
 *   <li>{@code opencpis.mesh.stub.expiry} (default 5 days): a delivered message not acknowledged
 *       within this expires, and its sender gets a non-delivery REPORT.</li>
 *   <li>{@code opencpis.mesh.stub.sweep-interval} (default 1 minute) and
 *       {@code opencpis.mesh.stub.sweep-initial-delay} (default 1 minute): how often expiry is swept.</li>
 *   <li>{@code opencpis.mesh.stub.retention} (default 30 days): a message's metadata is deleted this
 *       long after upload; its bytes go as soon as it is acknowledged or expires.</li>
 *   <li>{@code opencpis.mesh.stub.inbox-page-size} (default 500): {@code max_results} when the
 *       client gives none.</li>
 *   <li>{@code opencpis.mesh.stub.max-chunk-size} (default 20MB) and
 *       {@code opencpis.mesh.stub.max-message-size} (default 1GB): the largest chunk (one request
 *       body) and the largest whole message accepted; {@code opencpis.mesh.stub.max-chunks}
 *       (default 1000): the most chunks a message may declare.</li>
 * </ul>
 */
@Singleton
@RequiresMeshStub
public final class MeshStubSettings {
    /** When this property is set, a real MESH server is used and the stub is off. */
    public static final String MESH_URL = "opencpis.mesh.url";
    public static final String DEFAULT_SHARED_KEY = "TestKey";
    public static final String DEFAULT_MAILBOX = "OPENCPIS";
    public static final String DEFAULT_PASSWORD = "password";
    /** What one stored part of a chunk holds at most. */
    static final int PART_SIZE = 1024 * 1024;

    private final String sharedKey;
    private final String mailbox;
    private final String password;
    private final Duration expiry;
    private final Duration retention;
    private final int inboxPageSize;
    private final long maxChunkSize;
    private final long maxMessageSize;
    private final int maxChunks;

    public MeshStubSettings(@Value("${opencpis.mesh.shared-key:" + DEFAULT_SHARED_KEY + "}") String sharedKey,
                            @Value("${opencpis.mesh.mailbox:" + DEFAULT_MAILBOX + "}") String mailbox,
                            @Value("${opencpis.mesh.password:" + DEFAULT_PASSWORD + "}") String password,
                            @Value("${opencpis.mesh.stub.expiry:5d}") Duration expiry,
                            @Value("${opencpis.mesh.stub.retention:30d}") Duration retention,
                            @Value("${opencpis.mesh.stub.inbox-page-size:500}") int inboxPageSize,
                            @Value("${opencpis.mesh.stub.max-chunk-size:20MB}") @ReadableBytes long maxChunkSize,
                            @Value("${opencpis.mesh.stub.max-message-size:1GB}") @ReadableBytes long maxMessageSize,
                            @Value("${opencpis.mesh.stub.max-chunks:1000}") int maxChunks) {
        if (sharedKey.isEmpty() || mailbox.isBlank() || password.isEmpty()) {
            throw new IllegalArgumentException("opencpis.mesh.shared-key, .mailbox and .password must not be empty");
        }
        if (expiry.isNegative() || expiry.isZero() || retention.compareTo(expiry) < 0) {
            throw new IllegalArgumentException("opencpis.mesh.stub.expiry must be positive and no longer than .retention");
        }
        if (inboxPageSize < 1 || maxChunkSize < 1 || maxMessageSize < maxChunkSize || maxChunks < 1) {
            throw new IllegalArgumentException("opencpis.mesh.stub page and size limits must be positive");
        }
        this.sharedKey = sharedKey;
        this.mailbox = mailbox.strip().toUpperCase(Locale.ROOT);
        this.password = password;
        this.expiry = expiry;
        this.retention = retention;
        this.inboxPageSize = inboxPageSize;
        this.maxChunkSize = maxChunkSize;
        this.maxMessageSize = maxMessageSize;
        this.maxChunks = maxChunks;
    }

    public String sharedKey() {
        return sharedKey;
    }

    public String mailbox() {
        return mailbox;
    }

    public String password() {
        return password;
    }

    public Duration expiry() {
        return expiry;
    }

    public Duration retention() {
        return retention;
    }

    public int inboxPageSize() {
        return inboxPageSize;
    }

    public long maxChunkSize() {
        return maxChunkSize;
    }

    public long maxMessageSize() {
        return maxMessageSize;
    }

    public int maxChunks() {
        return maxChunks;
    }

    @Override
    public String toString() {
        return "MeshStubSettings[mailbox=" + mailbox + ", expiry=" + expiry + ", retention=" + retention + "]";
    }
}
