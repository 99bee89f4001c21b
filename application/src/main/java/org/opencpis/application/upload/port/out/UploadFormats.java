package org.opencpis.application.upload.port.out;

import java.io.InputStream;

/**
 * Reads upload files (CONTRACT §7), recognising the format from the content: JSON when the first
 * character that is not white space is <code>{</code>, CSV when the first line is a header naming
 * at least {@code nhsNumber} and {@code planType}. Files are streamed: memory use does not grow with
 * the size of the file.
 */
public interface UploadFormats {

    /**
     * Opens the content for reading; the returned file reads it lazily and closes it when closed.
     *
     * @throws CorruptUpload when the content is neither format
     */
    UploadFile open(InputStream content);
}
