package org.opencpis.bootstrap;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opencpis.application.plan.port.in.PurgeExpiredPlansUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the purge of records past their delete date every {@code opencpis.purge.interval} (default hourly). */
@Singleton
public class PurgeSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(PurgeSchedule.class);
    private final PurgeExpiredPlansUseCase purge;

    public PurgeSchedule(PurgeExpiredPlansUseCase purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelay = "${opencpis.purge.interval:1h}", initialDelay = "${opencpis.purge.initial-delay:1m}")
    void purgeExpired() {
        int purged = purge.purge();
        if (purged > 0) {
            LOG.info("Purged {} records past their delete date", purged);
        }
    }
}
