package org.opencpis.domain.upload;

/** The national file-level outcome codes of a CP-IS upload acknowledgement. */
public enum FileStatus {
    /** The file is corrupt or malformed: nothing was applied. */
    CPF01,
    /** Every record was loaded. */
    CPF02,
    /** Partial: the valid records were loaded, the invalid ones rejected. */
    CPF03,
    /** No record was loaded. */
    CPF04,
    /** PDS (the Spine) was unavailable: the LA must resubmit the file. */
    CPF05,
    /** The sender's client version is not supported (not produced by OpenCPIS). */
    CPF06;

    /**
     * The status of a file that could be read to its end: CPF02 when every one of the
     * {@code received} records loaded, CPF04 when none did, else CPF03.
     *
     * @throws IllegalArgumentException for counts that cannot be, or a file without records
     */
    public static FileStatus forLoaded(int received, int loaded) {
        if (received < 1 || loaded < 0 || loaded > received) {
            throw new IllegalArgumentException("loaded " + loaded + " of " + received + " records");
        }
        if (loaded == received) {
            return CPF02;
        }
        return loaded == 0 ? CPF04 : CPF03;
    }

    /**
     * Whether a file answered with this status used up its sequence number: it was applied, so
     * a later file with the same number is a repeat. A corrupt file (CPF01) or one stopped because
     * PDS was down (CPF05) is to be sent again under the same number.
     */
    public boolean consumesSequenceNumber() {
        return this == CPF02 || this == CPF03 || this == CPF04;
    }
}
