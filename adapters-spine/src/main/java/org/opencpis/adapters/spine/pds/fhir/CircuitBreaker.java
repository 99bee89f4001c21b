package org.opencpis.adapters.spine.pds.fhir;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A small circuit breaker around PDS. After {@code threshold} consecutive failures it opens: for
 * {@code coolDown} every call is refused at once, so that an upload of 250,000 records does not
 * wait out a timeout for each one while PDS is down. Then it half-opens: one trial call goes
 * through; success closes the breaker, failure opens it for another cool-down. Calls that arrive
 * while the trial is running are refused. Thread-safe.
 */
final class CircuitBreaker {
    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration coolDown;
    private final Clock clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean trialRunning;

    CircuitBreaker(int threshold, Duration coolDown, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
        this.coolDown = Objects.requireNonNull(coolDown, "coolDown");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether a call may go ahead now; a true answer must be followed by {@link #succeeded} or {@link #failed}. */
    synchronized boolean tryAcquire() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(coolDown))) {
            state = State.HALF_OPEN;
            trialRunning = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialRunning) {
                    yield false;
                }
                trialRunning = true;
                yield true;
            }
        };
    }

    synchronized void succeeded() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialRunning = false;
    }

    synchronized void failed() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
        trialRunning = false;
    }

    synchronized State state() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(coolDown))) {
            return State.HALF_OPEN;
        }
        return state;
    }
}
