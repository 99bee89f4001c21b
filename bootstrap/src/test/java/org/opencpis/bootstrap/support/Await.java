package org.opencpis.bootstrap.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling waits with generous deadlines, for tests on a loaded machine: no sleep-and-hope. */
public final class Await {
    private Await() {
    }

    /** Polls {@code condition} every 100 ms until it holds, or fails after {@code patience} with {@code what}. */
    public static void until(Duration patience, Supplier<String> what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + patience + ": " + what.get());
            }
            pause(Duration.ofMillis(100));
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
