package org.opencpis.application.upload.port.in;

import java.io.InputStream;
import java.util.Objects;
import java.util.UUID;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.upload.SequenceNumber;

/**
 * A local authority submits an upload file (CONTRACT §7). The content is streamed into durable
 * storage as it arrives — never held whole in memory — and the file is processed later, by
 * {@link ProcessUploadsUseCase}; the returned id addresses its acknowledgement. Nothing about the
 * content is checked here: a file that is not a readable upload is answered CPF01 when processed.
 * The submission is audited.
 *
 * @throws UploadRejected {@code UNKNOWN_ORGANISATION} when the sender is not a registered local
 *                        authority, {@code EMPTY_UPLOAD} for no content at all, and
 *                        {@code UPLOAD_INTERRUPTED} when the content could not be read to its end
 *                        (nothing is kept)
 */
public interface SubmitUploadUseCase {

    UUID submit(SubmitUploadCommand command);

    /**
     * @param sequenceNumber the sequence number given beside the file (required for CSV when
     *                       processed; for JSON optional, and then it must equal the file's), or null
     * @param content        the file's bytes; read to the end, not closed
     */
    record SubmitUploadCommand(RequestContext context, SequenceNumber sequenceNumber, InputStream content) {
        public SubmitUploadCommand {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(content, "content");
        }
    }
}
