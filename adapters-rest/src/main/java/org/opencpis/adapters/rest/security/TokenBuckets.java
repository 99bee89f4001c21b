package org.opencpis.adapters.rest.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One token bucket per key, held in this process's memory: each holds up to {@code perMinute}
 * tokens and gains them back evenly over a minute, so a key may burst up to the limit and then
 * continue at the limit's pace. Thread-safe. Buckets that have filled up again are forgotten once
 * more than {@code maxKeys} keys are tracked, so memory stays bounded.
 */
final class TokenBuckets {
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final int maxKeys;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int perMinute, LongSupplier nanoTime, int maxKeys) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1");
        }
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
        this.maxKeys = maxKeys;
    }

    /** Whether a token was taken and, if not, how long until the next one. */
    record Decision(long waitNanos, boolean firstRefusal) {
        static final Decision TAKEN = new Decision(0, false);

        boolean taken() {
            return waitNanos == 0;
        }
    }

    /**
     * Takes one token from the key's bucket, or refuses with the nanoseconds until the next token
     * (nothing taken). {@code firstRefusal} marks the first refusal since the key last had a token.
     */
    Decision take(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            forgetFullBuckets(now);
        }
        return buckets.computeIfAbsent(key, ignored -> new Bucket(now)).take(now, perMinute);
    }

    int trackedKeys() {
        return buckets.size();
    }

    private void forgetFullBuckets(long now) {
        buckets.values().removeIf(bucket -> bucket.isFull(now));
        if (buckets.size() >= maxKeys) {
            buckets.clear();
        }
    }

    private static final class Bucket {
        /** Credit in nanoseconds of refill time: a token costs a minute / perMinute; full is a minute. */
        private long credit;
        private long updated;
        private boolean refusing;

        Bucket(long now) {
            this.credit = MINUTE_NANOS;
            this.updated = now;
        }

        synchronized Decision take(long now, int perMinute) {
            refill(now);
            long cost = MINUTE_NANOS / perMinute;
            if (credit >= cost) {
                credit -= cost;
                refusing = false;
                return Decision.TAKEN;
            }
            boolean first = !refusing;
            refusing = true;
            return new Decision(Math.max(1, cost - credit), first);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return credit >= MINUTE_NANOS;
        }

        private void refill(long now) {
            long elapsed = now - updated;
            if (elapsed > 0) {
                credit = Math.min(MINUTE_NANOS, credit + elapsed);
                updated = now;
            }
        }
    }
}
