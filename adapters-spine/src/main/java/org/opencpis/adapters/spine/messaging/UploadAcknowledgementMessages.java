package org.opencpis.adapters.spine.messaging;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.UploadAcknowledgement;

/**
 * Writes the body of a {@code CPIS_UPLOAD_ACK} message (CONTRACT §7) as it streams:
 * {@code {"sequenceNumber", "fileStatus", "received", "loaded", "detail", "records": [{"index",
 * "nhsNumber", "planType", "status", "detail"}]}}, null fields included. Records are written as
 * they are read, so a large acknowledgement never has to be held whole.
 */
public final class UploadAcknowledgementMessages {
    /** The MESH workflow of an upload acknowledgement. */
    public static final String WORKFLOW = "CPIS_UPLOAD_ACK";
    private static final JsonFactory FACTORY = new JsonFactory();

    private UploadAcknowledgementMessages() {
    }

    public static void write(UploadAcknowledgement acknowledgement, Iterable<RecordResult> records, OutputStream out)
            throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            if (acknowledgement.sequenceNumber() == null) {
                json.writeNullField("sequenceNumber");
            } else {
                json.writeNumberField("sequenceNumber", acknowledgement.sequenceNumber().value());
            }
            json.writeStringField("fileStatus", acknowledgement.fileStatus().name());
            json.writeNumberField("received", acknowledgement.received());
            json.writeNumberField("loaded", acknowledgement.loaded());
            json.writeStringField("detail", acknowledgement.detail());
            json.writeArrayFieldStart("records");
            for (RecordResult record : records) {
                json.writeStartObject();
                json.writeNumberField("index", record.index());
                json.writeStringField("nhsNumber", record.nhsNumber());
                json.writeStringField("planType", record.planType());
                json.writeStringField("status", record.status().name());
                json.writeStringField("detail", record.detail());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
