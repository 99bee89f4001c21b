package org.opencpis.application.shared.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.opencpis.application.shared.port.out.MessagingUnavailable;
import org.opencpis.application.shared.port.out.Transactions;

/**
 * The relay of one transactional outbox (ADR 0007). A pass claims due messages in one short
 * transaction, sends each outside any transaction, then records the outcome in another:
 * delivered, or due again after an exponential back-off ({@link #backOff}). Any failure of one
 * send, expected or not, only delays that message; the others still go.
 *
 * <p>No send starts unless at least the send budget of the claim's lease is left, so a slow pass
 * never sends a message another instance may have claimed since; what it could not start is
 * released at once. A relay that dies between sending and recording leaves a claim that expires,
 * so that message is sent again with the same idempotency key: at least once, never lost.
 *
 * <p>A send that succeeded but could not be recorded (the database went away in between) is
 * remembered by this relay and recorded by its next passes without being sent again: a database
 * outage alone never duplicates a message. Only a relay that dies in that window forgets it.
 *
 * @param <M> the message kind
 */
public final class OutboxRelay<M> {
    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
    public static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    public static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private final Outbox<M> outbox;
    private final Timing timing;
    private final Transactions transactions;
    private final Clock clock;
    /** Sent, but not yet recorded as delivered, by idempotency key: recorded later, never sent again by this relay. */
    private final Map<String, M> sentUnrecorded = new ConcurrentHashMap<>();

    public OutboxRelay(Outbox<M> outbox, Timing timing, Transactions transactions, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Delivers what is due now; returns how many messages were delivered. */
    public int deliverDue() {
        recordSentEarlier();
        Instant claimedAt = clock.instant();
        Instant lastStart = claimedAt.plus(timing.lease()).minus(timing.sendBudget());
        List<Claim<M>> claimed = transactions.inTransaction(() -> outbox.claimDue(claimedAt, timing.lease(), timing.batch()));
        int delivered = 0;
        for (Claim<M> claim : claimed) {
            if (clock.instant().isAfter(lastStart)) {
                transactions.run(() -> outbox.retryLater(claim.message(), clock.instant()));
            } else if (deliver(claim)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** Records the sends of earlier passes that could not be recorded then; stops at the first that still cannot. */
    private void recordSentEarlier() {
        for (Map.Entry<String, M> sent : List.copyOf(sentUnrecorded.entrySet())) {
            transactions.run(() -> outbox.markDelivered(sent.getValue(), clock.instant()));
            sentUnrecorded.remove(sent.getKey());
        }
    }

    private boolean deliver(Claim<M> claim) {
        M message = claim.message();
        String key = outbox.key(message);
        if (!sentUnrecorded.containsKey(key) && !send(claim)) {
            return false;
        }
        try {
            transactions.run(() -> outbox.markDelivered(message, clock.instant()));
            sentUnrecorded.remove(key);
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, outbox.describe(message) + " was sent but could not be recorded ("
                    + e.getClass().getSimpleName() + "); it will be recorded, not sent again");
            return false;
        }
    }

    /** Sends the message; false (and due again after the back-off) when it could not be sent. */
    private boolean send(Claim<M> claim) {
        M message = claim.message();
        try {
            outbox.send(message);
            sentUnrecorded.put(outbox.key(message), message);
            return true;
        } catch (MessagingUnavailable e) {
            LOG.log(System.Logger.Level.WARNING, outbox.describe(message) + " not sent (attempt " + claim.attempt() + "): "
                    + e.getMessage() + "; next attempt in " + backOff(claim.attempt()));
            retryLater(claim);
            return false;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, outbox.describe(message) + " could not be sent ("
                    + e.getClass().getSimpleName() + "); it will be retried");
            retryLater(claim);
            return false;
        }
    }

    private void retryLater(Claim<M> claim) {
        transactions.run(() -> outbox.retryLater(claim.message(), clock.instant().plus(backOff(claim.attempt()))));
    }

    /** 5 s after the first attempt, doubling with each further attempt, never more than an hour. */
    public static Duration backOff(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /**
     * One kind of outbox message. Every method but {@link #send} joins the caller's transaction;
     * {@link #send} runs outside any, and throws {@link MessagingUnavailable} when the message
     * should be tried again later.
     */
    public interface Outbox<M> {
        /** Claims up to {@code limit} messages due at {@code now}, oldest first, for {@code lease}; each claim is one more attempt. */
        List<Claim<M>> claimDue(Instant now, Duration lease, int limit);

        void send(M message);

        void markDelivered(M message, Instant at);

        /** Releases the claim and makes the message due again at {@code dueAt}. */
        void retryLater(M message, Instant dueAt);

        /** The message's idempotency key (its MESH local id). */
        String key(M message);

        /** Names the message in a log line, without child data (e.g. "Notification 1b2c..."). */
        default String describe(M message) {
            return "Message " + key(message);
        }
    }

    /** A message claimed for delivery, with how many attempts (this one included) it has had. */
    public record Claim<M>(M message, int attempt) {
    }

    /** How long a claim lasts, how much of it a send may need, and how many messages a pass claims. */
    public record Timing(Duration lease, Duration sendBudget, int batch) {
        public Timing {
            if (sendBudget.compareTo(lease) >= 0 || batch < 1) {
                throw new IllegalArgumentException("the send budget must be shorter than the lease, and the batch positive");
            }
        }
    }
}
