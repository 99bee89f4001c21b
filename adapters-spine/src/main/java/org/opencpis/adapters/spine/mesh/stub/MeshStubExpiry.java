package org.opencpis.adapters.spine.mesh.stub;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opencpis.adapters.spine.mesh.MeshAuthentication;
import org.opencpis.application.shared.port.out.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stub's housekeeping, every {@code opencpis.mesh.stub.sweep-interval}: a delivered message
 * not acknowledged within {@code opencpis.mesh.stub.expiry} (5 days) expires — it leaves the inbox
 * (download answers 410), its bytes are deleted, tracking shows it undeliverable (code 14) — and
 * its sender gets a non-delivery REPORT; a chunked upload not finished in that time expires too
 * (no report: the sender knows it never finished). Messages older than the retention period are
 * deleted, and used tokens whose timestamps can no longer pass are forgotten. Several instances
 * may sweep at once: each message is claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
@Singleton
@RequiresMeshStub
public class MeshStubExpiry {
    private static final Logger LOG = LoggerFactory.getLogger(MeshStubExpiry.class);
    private static final int BATCH = 200;
    static final String UNDELIVERED_CODE = "14";
    static final String UNDELIVERED_EVENT = "SEND";

    private final MeshStubStore store;
    private final MeshStubSettings settings;
    private final Transactions transactions;
    private final Clock clock;

    MeshStubExpiry(MeshStubStore store, MeshStubSettings settings, Transactions transactions, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${opencpis.mesh.stub.sweep-interval:1m}",
            initialDelay = "${opencpis.mesh.stub.sweep-initial-delay:1m}")
    void scheduledSweep() {
        try {
            Result result = sweep();
            if (result.expired() + result.abandoned() + result.purged() > 0) {
                LOG.info("MESH stub sweep: {} message(s) expired with {} report(s), {} unfinished upload(s) expired, "
                        + "{} purged", result.expired(), result.reports(), result.abandoned(), result.purged());
            }
        } catch (RuntimeException e) {
            LOG.warn("MESH stub sweep failed; it will run again: {}", e.getClass().getSimpleName());
        }
    }

    /** One sweep at the clock's current time. */
    public Result sweep() {
        Instant now = clock.instant();
        Instant deadline = now.minus(settings.expiry());
        String description = "Message not collected by recipient after " + MeshStubResponses.describe(settings.expiry());
        int expired = 0;
        int reports = 0;
        while (true) {
            int[] batch = transactions.inTransaction(() -> {
                List<StubMessage> due = store.lockUnacknowledged(deadline, BATCH);
                int sent = 0;
                for (StubMessage message : due) {
                    store.expire(message.messageId(), UNDELIVERED_CODE, UNDELIVERED_EVENT, description, now);
                    if (message.type() == StubMessage.MessageType.DATA && store.mailboxExists(message.sender())) {
                        store.insert(message.nonDeliveryReport(MessageIds.next(now), UNDELIVERED_CODE, UNDELIVERED_EVENT,
                                description, now));
                        sent++;
                    }
                }
                return new int[] {due.size(), sent};
            });
            expired += batch[0];
            reports += batch[1];
            if (batch[0] < BATCH) {
                break;
            }
        }
        int abandoned = 0;
        while (true) {
            int count = transactions.inTransaction(() -> {
                List<StubMessage> unfinished = store.lockUnfinishedUploads(deadline, BATCH);
                for (StubMessage message : unfinished) {
                    store.expire(message.messageId(), "02", "SEND",
                            "Upload not finished: not every chunk arrived within " + MeshStubResponses.describe(settings.expiry()), now);
                }
                return unfinished.size();
            });
            abandoned += count;
            if (count < BATCH) {
                break;
            }
        }
        Duration tokenLife = MeshAuthentication.WINDOW.plusMinutes(1);
        int purged = transactions.inTransaction(() -> {
            store.purgeNonces(now.minus(tokenLife));
            return store.purge(now.minus(settings.retention()));
        });
        return new Result(expired, reports, abandoned, purged);
    }

    /** What one sweep did. */
    public record Result(int expired, int reports, int abandoned, int purged) {
    }
}
