package org.opencpis.application.upload.port.in;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.SequenceNumber;
import org.opencpis.domain.upload.UploadAcknowledgement;
import org.opencpis.domain.upload.UploadProgress;

/**
 * A local authority reads the state and acknowledgement of its own uploads. Another LA's upload is
 * simply not found. Reading an acknowledgement is audited once per {@link #read}.
 */
public interface ReadUploadUseCase {

    Optional<UploadStatus> read(RequestContext context, UUID uploadId);

    /**
     * Up to {@code limit} (1 to {@link #MAX_RESULTS}) per-record results of the acknowledgement of
     * the LA's processed upload, from {@code fromIndex} in index order; for a repeated sequence
     * number, the earlier file's. Empty for an unknown, another LA's or an unprocessed upload.
     */
    List<RecordResult> results(RequestContext context, UUID uploadId, int fromIndex, int limit);

    int MAX_RESULTS = 5000;

    /**
     * @param givenSequenceNumber the sequence number given beside the file, or null
     * @param acknowledgement     the answer once {@link UploadProgress#PROCESSED}, else null
     */
    record UploadStatus(UUID uploadId, UploadProgress progress, SequenceNumber givenSequenceNumber,
                        UploadAcknowledgement acknowledgement) {
    }
}
