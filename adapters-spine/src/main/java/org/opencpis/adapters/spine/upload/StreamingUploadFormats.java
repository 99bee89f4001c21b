package org.opencpis.adapters.spine.upload;

import jakarta.inject.Singleton;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.opencpis.application.upload.port.out.CorruptUpload;
import org.opencpis.application.upload.port.out.UploadFile;
import org.opencpis.application.upload.port.out.UploadFormats;

/**
 * Recognises an upload's format from its first bytes (after a UTF-8 byte-order mark, if any):
 * JSON when the first byte that is not white space is <code>{</code>, else CSV, which must then
 * start with a header naming {@code nhsNumber} and {@code planType}. Both readers stream: memory
 * does not grow with the file.
 */
@Singleton
public class StreamingUploadFormats implements UploadFormats {
    static final String NEITHER = "the file is neither a JSON upload nor a CSV file whose header names nhsNumber and planType";
    private static final int LOOK_AHEAD = 64 * 1024;

    @Override
    public UploadFile open(InputStream content) {
        BufferedInputStream in = new BufferedInputStream(content, LOOK_AHEAD);
        boolean opened = false;
        try {
            skipByteOrderMark(in);
            UploadFile file = startsWithBrace(in) ? new JsonUploadFile(in) : new CsvUploadFile(in);
            opened = true;
            return file;
        } finally {
            if (!opened) {
                closeQuietly(in);
            }
        }
    }

    private static void skipByteOrderMark(BufferedInputStream in) {
        try {
            in.mark(3);
            if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
                in.reset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the first byte that is not white space is an opening brace; reads nothing for good. */
    private static boolean startsWithBrace(BufferedInputStream in) {
        try {
            in.mark(LOOK_AHEAD);
            try {
                for (int i = 0; i < LOOK_AHEAD - 1; i++) {
                    int b = in.read();
                    if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                        continue;
                    }
                    if (b < 0) {
                        throw new CorruptUpload("the file has no content");
                    }
                    return b == '{';
                }
                return false;
            } finally {
                in.reset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written
        }
    }
}
