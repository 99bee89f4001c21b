package org.opencpis.domain.upload;

import java.util.List;

/**
 * One record of an upload file exactly as the LA sent it: text not yet checked. Absent values are
 * null; {@code givenNames} is empty when none were sent. For a UCPP the names and date of birth are
 * the mother's.
 */
public record UploadedRecord(
        String nhsNumber,
        String planType,
        String startDate,
        String endDate,
        String deleteDate,
        String familyName,
        List<String> givenNames,
        String dateOfBirth,
        String localId,
        String lacLegalStatus,
        String schoolUrn,
        String gpPracticeOdsCode,
        String postcode) {

    public UploadedRecord {
        givenNames = givenNames == null ? List.of() : List.copyOf(givenNames);
    }

    /** Demographics never reach logs or exception messages. */
    @Override
    public String toString() {
        return "UploadedRecord[planType=" + planType + "]";
    }
}
