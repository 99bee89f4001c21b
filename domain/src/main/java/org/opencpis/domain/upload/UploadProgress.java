package org.opencpis.domain.upload;

/** Where a submitted file is: being stored, stored and waiting, being processed, or answered. */
public enum UploadProgress {
    /** Its content is still arriving; it is not processed until stored completely. */
    RECEIVING,
    /** Stored completely; waiting to be processed. */
    RECEIVED,
    /** Claimed by a processor. */
    PROCESSING,
    /** Answered: its acknowledgement is ready. */
    PROCESSED
}
