package org.opencpis.adapters.rest.upload;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiFunction;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.UploadAcknowledgement;

/**
 * The acknowledgement document (CONTRACT §7) as a stream that writes itself while it is read: the
 * file-level fields first, then the records a page at a time, fetched only when the client has
 * taken the page before. However many records an upload has, one page of them is in memory.
 *
 * <p>{@code {"sequenceNumber", "fileStatus", "received", "loaded", "detail", "records": [{"index",
 * "nhsNumber", "planType", "status", "detail"}]}}, null fields included.
 */
final class AcknowledgementBody extends InputStream {
    static final int PAGE = 1000;
    private static final JsonFactory FACTORY = new JsonFactory();

    private final UploadAcknowledgement acknowledgement;
    private final BiFunction<Integer, Integer, List<RecordResult>> pages;
    private final Buffer buffer = new Buffer();
    private final JsonGenerator json;
    private int position;
    private boolean started;
    private boolean finished;
    private int nextIndex;

    /** @param pages gives up to {@code limit} (second argument) results from an index (first argument) */
    AcknowledgementBody(UploadAcknowledgement acknowledgement, BiFunction<Integer, Integer, List<RecordResult>> pages) {
        this.acknowledgement = acknowledgement;
        this.pages = pages;
        try {
            this.json = FACTORY.createGenerator(buffer, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer.bytes()[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, buffer.size() - position);
        System.arraycopy(buffer.bytes(), position, target, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available() {
        return buffer.size() - position;
    }

    @Override
    public void close() throws IOException {
        finished = true;
        json.close();
    }

    /** Makes sure there is something left to read; false at the end of the document. */
    private boolean fill() throws IOException {
        while (position >= buffer.size()) {
            if (finished) {
                return false;
            }
            buffer.reset();
            position = 0;
            writeMore();
            json.flush();
        }
        return true;
    }

    private void writeMore() throws IOException {
        if (!started) {
            started = true;
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
            return;
        }
        List<RecordResult> page = pages.apply(nextIndex, PAGE);
        for (RecordResult record : page) {
            json.writeStartObject();
            json.writeNumberField("index", record.index());
            json.writeStringField("nhsNumber", record.nhsNumber());
            json.writeStringField("planType", record.planType());
            json.writeStringField("status", record.status().name());
            json.writeStringField("detail", record.detail());
            json.writeEndObject();
            nextIndex = record.index() + 1;
        }
        if (page.size() < PAGE) {
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            finished = true;
        }
    }

    /** A byte buffer whose array can be read without copying. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(64 * 1024);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
