package org.opencpis.adapters.spine.mesh.inbound;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.opencpis.adapters.spine.mesh.client.InboundMessage;
import org.opencpis.adapters.spine.mesh.client.MeshClient;
import org.opencpis.adapters.spine.mesh.client.MeshRejected;
import org.opencpis.adapters.spine.mesh.client.MeshUnavailable;
import org.opencpis.application.organisation.port.in.FindOrganisationUseCase;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.shared.StoreUnavailable;
import org.opencpis.application.upload.port.in.SubmitUploadUseCase;
import org.opencpis.application.upload.port.in.UploadRejected;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.upload.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects OpenCPIS's MESH inbox every {@code opencpis.mesh.inbound.interval} (default 10 s)
 * unless {@code opencpis.mesh.inbound.enabled} is false. A {@code CPIS_UPLOAD} from a registered
 * local authority's mailbox is submitted as that LA's upload (a CSV's sequence number is the
 * message's {@code mex-LocalID}); only once the upload is durably stored is the MESH message
 * acknowledged, so a crash in between means it is collected again — and a sequence number is
 * applied once, so the repeat changes nothing. Messages that can never be processed (another
 * workflow, an unknown sender) are logged and acknowledged.
 */
@Singleton
@Requires(property = "opencpis.mesh.inbound.enabled", notEquals = "false")
public class MeshInboxPoller {
    static final String UPLOAD_WORKFLOW = "CPIS_UPLOAD";
    private static final Logger LOG = LoggerFactory.getLogger(MeshInboxPoller.class);

    private final MeshClient mesh;
    private final FindOrganisationUseCase organisations;
    private final SubmitUploadUseCase uploads;

    public MeshInboxPoller(MeshClient mesh, FindOrganisationUseCase organisations, SubmitUploadUseCase uploads) {
        this.mesh = mesh;
        this.organisations = organisations;
        this.uploads = uploads;
    }

    @Scheduled(fixedDelay = "${opencpis.mesh.inbound.interval:10s}", initialDelay = "${opencpis.mesh.inbound.initial-delay:5s}")
    public void collect() {
        try {
            for (String messageId : mesh.inbox()) {
                take(messageId);
            }
        } catch (MeshUnavailable | MeshRejected | StoreUnavailable e) {
            LOG.warn("Collecting the MESH inbox failed ({}); it will be tried again", e.getClass().getSimpleName());
        }
    }

    private void take(String messageId) {
        try (InboundMessage message = mesh.download(messageId)) {
            if (!UPLOAD_WORKFLOW.equals(message.workflowId()) || !"DATA".equalsIgnoreCase(orData(message.messageType()))) {
                LOG.info("MESH message {} of workflow {} ({}) is not an upload: acknowledged without action",
                        messageId, message.workflowId(), message.messageType());
            } else {
                submit(message);
            }
        }
        mesh.acknowledge(messageId);
    }

    private void submit(InboundMessage message) {
        Optional<Organisation> sender = organisations.findByMailbox(message.from()).filter(Organisation::isLocalAuthority);
        if (sender.isEmpty()) {
            LOG.warn("MESH upload {} comes from mailbox {}, which is no registered local authority's: discarded",
                    message.messageId(), message.from());
            return;
        }
        Actor actor = new Actor("mesh:" + message.from(), sender.get().odsCode(), "LA", null);
        RequestContext context = new RequestContext(actor, "mesh:" + message.messageId());
        try (InputStream content = message.open()) {
            uploads.submit(new SubmitUploadUseCase.SubmitUploadCommand(context, sequenceNumber(message), content));
        } catch (UploadRejected e) {
            LOG.warn("MESH upload {} was refused ({}): acknowledged", message.messageId(), e.code());
        } catch (IOException e) {
            throw new MeshUnavailable("the downloaded upload could not be read back", e);
        }
    }

    private static SequenceNumber sequenceNumber(InboundMessage message) {
        if (message.localId() == null || message.localId().isBlank()) {
            return null;
        }
        try {
            return SequenceNumber.parse(message.localId().strip());
        } catch (DomainViolation e) {
            return null;
        }
    }

    private static String orData(String messageType) {
        return messageType == null ? "DATA" : messageType;
    }
}
