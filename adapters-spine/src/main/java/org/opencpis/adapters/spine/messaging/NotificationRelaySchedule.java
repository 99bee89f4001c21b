package org.opencpis.adapters.spine.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opencpis.application.alert.port.in.DeliverNotificationsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the outbox relay every {@code opencpis.relay.interval} (default 1 s) unless
 * {@code opencpis.relay.enabled} is false. A failed pass (database down) is logged and the next
 * pass tries again; nothing is lost because undelivered notifications stay in the outbox.
 */
@Singleton
@Requires(property = "opencpis.relay.enabled", notEquals = "false")
public class NotificationRelaySchedule {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationRelaySchedule.class);
    private final DeliverNotificationsUseCase relay;

    public NotificationRelaySchedule(DeliverNotificationsUseCase relay) {
        this.relay = relay;
    }

    @Scheduled(fixedDelay = "${opencpis.relay.interval:1s}", initialDelay = "${opencpis.relay.initial-delay:1s}")
    void deliverDue() {
        try {
            relay.deliverDue();
        } catch (RuntimeException e) {
            LOG.warn("Notification relay pass failed; it will run again: {}", e.getClass().getSimpleName());
        }
    }
}
