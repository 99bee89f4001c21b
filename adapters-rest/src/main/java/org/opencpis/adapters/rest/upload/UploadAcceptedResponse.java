package org.opencpis.adapters.rest.upload;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An upload not answered yet: {@code status} RECEIVED (waiting) or PROCESSING, the sequence number
 * given beside the file (null if none) and where its acknowledgement will be.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UploadAcceptedResponse(String uploadId, String status, Long sequenceNumber, String acknowledgement) {
}
