package org.opencpis.application.upload.port.out;

import org.opencpis.domain.upload.UploadedRecord;

/** One record of an upload file, by its position from 0: its fields as sent, or why they could not be read. */
public sealed interface UploadEntry {
    int index();

    /** The record's fields as text, not yet checked. */
    record Readable(int index, UploadedRecord record) implements UploadEntry {
    }

    /**
     * The file goes on, but this record's fields cannot be read (a JSON value of the wrong kind, a
     * CSV row with the wrong number of fields). The NHS number and plan type are given when they
     * could be read; the detail names the fault without any of the record's data.
     */
    record Unreadable(int index, String nhsNumber, String planType, String detail) implements UploadEntry {
    }
}
