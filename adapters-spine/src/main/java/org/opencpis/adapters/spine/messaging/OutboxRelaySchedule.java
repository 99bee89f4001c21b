package org.opencpis.adapters.spine.messaging;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.opencpis.application.shared.outbox.MessageRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each outbox relay (access notifications, upload acknowledgements, inactive NHS number
 * notices) as its own fixed-delay task, every {@code opencpis.relay.interval} (default 1 s), unless
 * {@code opencpis.relay.enabled} is false. Each relay has its own task, so a long upload
 * acknowledgement never delays an Access to Service Notification. A failed pass (database down) is
 * logged and the next pass tries again; nothing is lost because undelivered messages stay in their
 * outbox.
 */
@Context
@Requires(property = "opencpis.relay.enabled", notEquals = "false")
public class OutboxRelaySchedule {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelaySchedule.class);
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

    public OutboxRelaySchedule(List<MessageRelay> relays, @Named("scheduled") TaskScheduler scheduler,
                               @Value("${opencpis.relay.interval:1s}") Duration interval,
                               @Value("${opencpis.relay.initial-delay:1s}") Duration initialDelay) {
        for (MessageRelay relay : relays) {
            tasks.add(scheduler.scheduleWithFixedDelay(initialDelay, interval, () -> deliverDue(relay)));
        }
    }

    private static void deliverDue(MessageRelay relay) {
        try {
            relay.deliverDue();
        } catch (RuntimeException e) {
            LOG.warn("{} pass failed; it will run again: {}", relay.getClass().getSimpleName(), e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        tasks.forEach(task -> task.cancel(false));
    }
}
