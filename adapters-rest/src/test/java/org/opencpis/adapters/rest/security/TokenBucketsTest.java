package org.opencpis.adapters.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);

    @Test
    void aFullBucketAllowsTheLimitAtOnceThenRefuses() {
        TokenBuckets buckets = new TokenBuckets(6, clock::get, 100);
        for (int i = 0; i < 6; i++) {
            assertTrue(buckets.take("alice").taken(), "request " + (i + 1));
        }
        TokenBuckets.Decision refused = buckets.take("alice");
        assertFalse(refused.taken());
        assertEquals(10 * SECOND, refused.waitNanos(), "six a minute: one every ten seconds");
        assertTrue(refused.firstRefusal());
        assertFalse(buckets.take("alice").firstRefusal(), "only the first refusal in a row is marked");
    }

    @Test
    void tokensComeBackEvenlyOverTheMinute() {
        TokenBuckets buckets = new TokenBuckets(6, clock::get, 100);
        for (int i = 0; i < 6; i++) {
            buckets.take("alice");
        }
        clock.addAndGet(4 * SECOND);
        assertEquals(6 * SECOND, buckets.take("alice").waitNanos());
        clock.addAndGet(6 * SECOND);
        assertTrue(buckets.take("alice").taken());
        assertFalse(buckets.take("alice").taken());
        clock.addAndGet(TimeUnit.HOURS.toNanos(1));
        for (int i = 0; i < 6; i++) {
            assertTrue(buckets.take("alice").taken(), "a bucket never holds more than the limit");
        }
        assertFalse(buckets.take("alice").taken());
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        TokenBuckets buckets = new TokenBuckets(1, clock::get, 100);
        assertTrue(buckets.take("alice").taken());
        assertFalse(buckets.take("alice").taken());
        assertTrue(buckets.take("bob").taken());
    }

    @Test
    void fullBucketsAreForgottenWhenTooManyKeysAreTracked() {
        TokenBuckets buckets = new TokenBuckets(2, clock::get, 3);
        buckets.take("a");
        buckets.take("b");
        buckets.take("c");
        assertEquals(3, buckets.trackedKeys());
        clock.addAndGet(TimeUnit.MINUTES.toNanos(1));
        buckets.take("d");
        assertEquals(1, buckets.trackedKeys(), "a, b and c had filled up again and were dropped");
    }

    @Test
    void aKeyThatIsStillLimitedIsNotForgottenWhileOthersCanBe() {
        TokenBuckets buckets = new TokenBuckets(1, clock::get, 2);
        buckets.take("idle");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(40));
        buckets.take("busy");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(21));
        buckets.take("new");
        assertEquals(2, buckets.trackedKeys(), "idle had filled up again and was dropped");
        assertFalse(buckets.take("busy").taken(), "busy is still refilling: its state is kept");
    }

    @Test
    void concurrentRequestsNeverTakeMoreThanTheLimit() throws Exception {
        TokenBuckets buckets = new TokenBuckets(50, clock::get, 100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int taken = 0;
                    for (int i = 0; i < 100; i++) {
                        taken += buckets.take("alice").taken() ? 1 : 0;
                    }
                    return taken;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(10, TimeUnit.SECONDS);
            }
            assertEquals(50, total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(0, clock::get, 10));
    }
}
