package org.opencpis.adapters.spine.upload;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opencpis.application.upload.port.in.DeliverUploadAcknowledgementsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the upload acknowledgement relay with the notification relay's settings: every
 * {@code opencpis.relay.interval} (default 1 s) unless {@code opencpis.relay.enabled} is false.
 * Undelivered acknowledgements stay in their outbox, so a failed pass loses nothing.
 */
@Singleton
@Requires(property = "opencpis.relay.enabled", notEquals = "false")
public class UploadAcknowledgementRelaySchedule {
    private static final Logger LOG = LoggerFactory.getLogger(UploadAcknowledgementRelaySchedule.class);
    private final DeliverUploadAcknowledgementsUseCase relay;

    public UploadAcknowledgementRelaySchedule(DeliverUploadAcknowledgementsUseCase relay) {
        this.relay = relay;
    }

    @Scheduled(fixedDelay = "${opencpis.relay.interval:1s}", initialDelay = "${opencpis.relay.initial-delay:1s}")
    void deliverDue() {
        try {
            relay.deliverDue();
        } catch (RuntimeException e) {
            LOG.warn("Upload acknowledgement relay pass failed; it will run again: {}", e.getClass().getSimpleName());
        }
    }
}
