package org.opencpis.adapters.spine.upload;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opencpis.application.upload.port.in.ProcessUploadsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes waiting uploads every {@code opencpis.uploads.processing.interval} (default 2 s) unless
 * {@code opencpis.uploads.processing.enabled} is false. Passes never overlap on one instance; other
 * instances skip the files this one has claimed. A failed pass (database down) is logged and the
 * next tries again: stored files stay queued.
 */
@Singleton
@Requires(property = "opencpis.uploads.processing.enabled", notEquals = "false")
public class UploadProcessingSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(UploadProcessingSchedule.class);
    private final ProcessUploadsUseCase processor;

    public UploadProcessingSchedule(ProcessUploadsUseCase processor) {
        this.processor = processor;
    }

    @Scheduled(fixedDelay = "${opencpis.uploads.processing.interval:2s}",
            initialDelay = "${opencpis.uploads.processing.initial-delay:2s}")
    void processPending() {
        try {
            int processed = processor.processPending();
            if (processed > 0) {
                LOG.info("Processed {} upload(s)", processed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Upload processing pass failed; it will run again: {}", e.getClass().getSimpleName());
        }
    }
}
