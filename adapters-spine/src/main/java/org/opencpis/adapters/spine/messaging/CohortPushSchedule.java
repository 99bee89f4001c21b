package org.opencpis.adapters.spine.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opencpis.application.cohort.port.in.DeliverCohortPushesUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes cohort changes to their owners every {@code opencpis.cohort.push-interval}
 * ({@code OPENCPIS_COHORT_PUSH_INTERVAL}, default 5 minutes) unless {@code opencpis.relay.enabled}
 * is false. Unpushed changes stay in the cohort's change log, so a failed pass loses nothing.
 */
@Singleton
@Requires(property = "opencpis.relay.enabled", notEquals = "false")
public class CohortPushSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(CohortPushSchedule.class);
    private final DeliverCohortPushesUseCase pushes;

    public CohortPushSchedule(DeliverCohortPushesUseCase pushes) {
        this.pushes = pushes;
    }

    @Scheduled(fixedDelay = "${opencpis.cohort.push-interval:5m}", initialDelay = "${opencpis.cohort.push-interval:5m}")
    void deliverDue() {
        try {
            pushes.deliverDue();
        } catch (RuntimeException e) {
            LOG.warn("Cohort push pass failed; it will run again: {}", e.getClass().getSimpleName());
        }
    }
}
