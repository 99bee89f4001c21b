package org.opencpis.adapters.spine.messaging;

import io.micronaut.json.JsonMapper;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opencpis.application.shared.port.out.MessagingUnavailable;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.alert.InactiveNumberNotice;
import org.opencpis.domain.cohort.CohortChanges;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.UploadAcknowledgement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A STAND-IN for Spine messaging, not MESH: "delivers" each message into this process's memory,
 * where tests and demos can read it. It keeps every send, repeats included, so that tests can
 * prove each notification was sent exactly once. Used only when
 * {@code opencpis.messaging.transport=in-process}; the default is {@link MeshSpineMessaging}.
 */
@Singleton
@Requires(property = "opencpis.messaging.transport", value = "in-process")
public class InProcessSpineMessaging implements SpineMessaging {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessSpineMessaging.class);

    private final JsonMapper json;
    private final List<Delivered> sent = new ArrayList<>();
    private final Map<UUID, Integer> sendsPerNotification = new ConcurrentHashMap<>();

    public InProcessSpineMessaging(JsonMapper json) {
        this.json = json;
        LOG.warn("Spine messaging is the in-process stand-in: notifications are kept in memory, not sent over MESH");
    }

    @Override
    public void sendAccessNotification(AccessNotification notification, Organisation recipient) {
        if (recipient.meshMailboxId() == null) {
            throw new MessagingUnavailable("local authority " + recipient.odsCode() + " has no MESH mailbox yet");
        }
        String body;
        try {
            body = json.writeValueAsString(AccessNotificationMessages.toMessage(notification));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (sent) {
            sent.add(new Delivered(recipient.meshMailboxId(), AccessNotificationMessages.WORKFLOW,
                    notification.notificationId().toString(), body));
        }
        sendsPerNotification.merge(notification.notificationId(), 1, Integer::sum);
        LOG.info("Notification {} handed to mailbox {} (in process)", notification.notificationId(), recipient.meshMailboxId());
    }

    /**
     * "Delivers" an upload acknowledgement (workflow {@code CPIS_UPLOAD_ACK}) with the upload id as
     * its local id. The stand-in keeps the whole body in memory, which a real MESH adapter would send
     * in chunks instead.
     */
    @Override
    public void sendUploadAcknowledgement(UploadAcknowledgement acknowledgement, Iterable<RecordResult> records,
                                          Organisation recipient) {
        if (recipient.meshMailboxId() == null) {
            throw new MessagingUnavailable("local authority " + recipient.odsCode() + " has no MESH mailbox yet");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            UploadAcknowledgementMessages.write(acknowledgement, records, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (sent) {
            sent.add(new Delivered(recipient.meshMailboxId(), UploadAcknowledgementMessages.WORKFLOW,
                    acknowledgement.uploadId().toString(), body.toString(StandardCharsets.UTF_8)));
        }
        LOG.info("Acknowledgement of upload {} handed to mailbox {} (in process)", acknowledgement.uploadId(),
                recipient.meshMailboxId());
    }

    /** "Delivers" an Inactive NHS Number Notification with the notice id as its local id. */
    @Override
    public void sendInactiveNumberNotice(InactiveNumberNotice notice, Organisation recipient) {
        if (recipient.meshMailboxId() == null) {
            throw new MessagingUnavailable("local authority " + recipient.odsCode() + " has no MESH mailbox yet");
        }
        String body;
        try {
            body = json.writeValueAsString(InactiveNumberMessages.toMessage(notice));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (sent) {
            sent.add(new Delivered(recipient.meshMailboxId(), InactiveNumberMessages.WORKFLOW, notice.noticeId().toString(), body));
        }
        LOG.info("Inactive NHS number notice {} handed to mailbox {} (in process)", notice.noticeId(), recipient.meshMailboxId());
    }

    /** "Delivers" a cohort's changes with the cohort and cursor as the local id. */
    @Override
    public void sendCohortChanges(CohortChanges changes, Organisation recipient) {
        if (recipient.meshMailboxId() == null) {
            throw new MessagingUnavailable("organisation " + recipient.odsCode() + " has no MESH mailbox yet");
        }
        String body;
        try {
            body = json.writeValueAsString(CohortChangesMessages.toMessage(changes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (sent) {
            sent.add(new Delivered(recipient.meshMailboxId(), CohortChangesMessages.WORKFLOW,
                    CohortChangesMessages.localId(changes), body));
        }
    }

    /** Every message sent so far, in order, repeats included. */
    public List<Delivered> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** How many times each notification was sent. */
    public Map<UUID, Integer> sendsPerNotification() {
        return Map.copyOf(sendsPerNotification);
    }

    /** One message as it would travel: the recipient mailbox, the workflow, the local id (idempotency key) and the JSON body. */
    public record Delivered(String mailbox, String workflowId, String localId, String body) {
    }
}
