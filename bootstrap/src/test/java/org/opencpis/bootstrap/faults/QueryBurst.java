package org.opencpis.bootstrap.faults;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.Fhir;

/**
 * A burst of unscheduled CP-IS queries (B0107, {@code IsUnscheduledAccessEvent} absent = true) for
 * one NHS number from several threads, until stopped. Every query is made by a clinician of its own
 * ({@code sub} = prefix + number), so that the access event it records (or not) can be found again
 * by {@code access_event.accessor_subject}: each answer can be matched to what the database holds.
 */
final class QueryBurst implements AutoCloseable {
    /** One query and its answer; status -1 when no answer came (connection refused or cut). */
    record Outcome(String subject, int status, int total, String retryAfter, String body) {
        boolean answeredWithRecords() {
            return status == 200 && total > 0;
        }
    }

    private final Api api;
    private final String nhsNumber;
    private final String prefix;
    private final ExecutorService threads;
    private final int threadCount;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger numbers = new AtomicInteger();
    private final List<Outcome> outcomes = new ArrayList<>();

    QueryBurst(Api api, String nhsNumber, String prefix, int threadCount) {
        this.api = api;
        this.nhsNumber = nhsNumber;
        this.prefix = prefix;
        this.threadCount = threadCount;
        this.threads = Executors.newFixedThreadPool(threadCount);
    }

    QueryBurst start() {
        for (int i = 0; i < threadCount; i++) {
            threads.execute(this::loop);
        }
        return this;
    }

    private void loop() {
        while (running.get()) {
            String subject = prefix + numbers.incrementAndGet();
            Outcome outcome;
            try {
                Api.Response response = Fhir.get(api, Fhir.careTeamSearch(nhsNumber), Fhir.staff(subject, "RXX", "B0107"));
                int total = response.status() == 200 ? ((Number) response.json().get("total")).intValue() : -1;
                outcome = new Outcome(subject, response.status(), total, response.header("Retry-After"),
                        response.status() == 200 ? null : response.body());
            } catch (UncheckedIOException e) {
                outcome = new Outcome(subject, -1, -1, null, e.getCause().getClass().getSimpleName());
                pauseBriefly();
            }
            synchronized (outcomes) {
                outcomes.add(outcome);
            }
        }
    }

    private static void pauseBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long count(Predicate<Outcome> which) {
        synchronized (outcomes) {
            return outcomes.stream().filter(which).count();
        }
    }

    List<Outcome> outcomes() {
        synchronized (outcomes) {
            return new ArrayList<>(outcomes);
        }
    }

    /** Stops firing and waits for the queries in flight to be answered. */
    List<Outcome> stop() {
        running.set(false);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("queries still in flight two minutes after the burst stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outcomes();
    }

    @Override
    public void close() {
        running.set(false);
        threads.shutdownNow();
    }
}
