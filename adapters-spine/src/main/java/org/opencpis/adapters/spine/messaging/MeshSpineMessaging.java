package org.opencpis.adapters.spine.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.opencpis.adapters.spine.mesh.client.MeshClient;
import org.opencpis.adapters.spine.mesh.client.MeshRejected;
import org.opencpis.adapters.spine.mesh.client.MeshUnavailable;
import org.opencpis.application.shared.port.out.MessagingUnavailable;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.cohort.CohortChanges;
import org.opencpis.domain.alert.InactiveNumberNotice;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.UploadAcknowledgement;

/**
 * Spine messaging over MESH: each message goes from OpenCPIS's mailbox to the recipient's, with
 * its idempotency key as the MESH local id. Anything MESH does not take — down, throttled, or
 * refused (an unknown mailbox) — is {@link MessagingUnavailable}: the outbox keeps the message and
 * tries again later, so a fixable refusal never loses it.
 */
@Singleton
@Requires(property = "opencpis.messaging.transport", value = "mesh", defaultValue = "mesh")
public class MeshSpineMessaging implements SpineMessaging {
    private final MeshClient mesh;
    private final JsonMapper json;

    public MeshSpineMessaging(MeshClient mesh, JsonMapper json) {
        this.mesh = mesh;
        this.json = json;
    }

    @Override
    public void sendAccessNotification(AccessNotification notification, Organisation recipient) {
        try {
            send(recipient, AccessNotificationMessages.WORKFLOW, notification.notificationId().toString(),
                    json.writeValueAsBytes(AccessNotificationMessages.toMessage(notification)));
        } catch (IOException e) {
            throw new MessagingUnavailable("the notification could not be written", e);
        }
    }

    @Override
    public void sendUploadAcknowledgement(UploadAcknowledgement acknowledgement, Iterable<RecordResult> records,
                                          Organisation recipient) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            UploadAcknowledgementMessages.write(acknowledgement, records, body);
        } catch (IOException e) {
            throw new MessagingUnavailable("the acknowledgement could not be written", e);
        }
        send(recipient, UploadAcknowledgementMessages.WORKFLOW, acknowledgement.uploadId().toString(), body.toByteArray());
    }

    @Override
    public void sendInactiveNumberNotice(InactiveNumberNotice notice, Organisation recipient) {
        try {
            send(recipient, InactiveNumberMessages.WORKFLOW, notice.noticeId().toString(),
                    json.writeValueAsBytes(InactiveNumberMessages.toMessage(notice)));
        } catch (IOException e) {
            throw new MessagingUnavailable("the notice could not be written", e);
        }
    }

    @Override
    public void sendCohortChanges(CohortChanges changes, Organisation recipient) {
        try {
            send(recipient, CohortChangesMessages.WORKFLOW, CohortChangesMessages.localId(changes),
                    json.writeValueAsBytes(CohortChangesMessages.toMessage(changes)));
        } catch (IOException e) {
            throw new MessagingUnavailable("the cohort changes could not be written", e);
        }
    }

    private void send(Organisation recipient, String workflow, String localId, byte[] body) {
        if (recipient.meshMailboxId() == null) {
            throw new MessagingUnavailable("organisation " + recipient.odsCode() + " has no MESH mailbox yet");
        }
        try {
            mesh.send(recipient.meshMailboxId(), workflow, localId, body);
        } catch (MeshUnavailable | MeshRejected e) {
            throw new MessagingUnavailable("MESH did not take the " + workflow + " message: " + e.getMessage(), e);
        }
    }
}
