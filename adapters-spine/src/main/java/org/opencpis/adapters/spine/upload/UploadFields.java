package org.opencpis.adapters.spine.upload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencpis.domain.upload.UploadedRecord;

/** The field names of an uploaded record (CONTRACT §6 and §7), shared by the JSON and CSV readers. */
enum UploadFields {
    NHS_NUMBER("nhsNumber"),
    PLAN_TYPE("planType"),
    START_DATE("startDate"),
    END_DATE("endDate"),
    DELETE_DATE("deleteDate"),
    FAMILY_NAME("familyName"),
    GIVEN_NAMES("givenNames"),
    DATE_OF_BIRTH("dateOfBirth"),
    LOCAL_ID("localId"),
    LAC_LEGAL_STATUS("lacLegalStatus"),
    SCHOOL_URN("schoolUrn"),
    GP_PRACTICE_ODS_CODE("gpPracticeOdsCode"),
    POSTCODE("postcode");

    /** The most given names one record may carry. */
    static final int MAX_GIVEN_NAMES = 20;

    private static final Map<String, UploadFields> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(field -> field.fieldName, Function.identity()));
    private static final Map<String, UploadFields> BY_LOWER_CASE_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(field -> field.fieldName.toLowerCase(Locale.ROOT), Function.identity()));

    private final String fieldName;

    UploadFields(String fieldName) {
        this.fieldName = fieldName;
    }

    String fieldName() {
        return fieldName;
    }

    /** The field a JSON member names exactly, or null. */
    static UploadFields named(String name) {
        return BY_NAME.get(name);
    }

    /** The field a CSV column header names, ignoring case and surrounding space, or null. */
    static UploadFields heading(String heading) {
        return BY_LOWER_CASE_NAME.get(heading.strip().toLowerCase(Locale.ROOT));
    }

    /** Space-separated given names, as CSV carries them. */
    static List<String> splitNames(String names) {
        if (names == null || names.isBlank()) {
            return List.of();
        }
        return List.of(names.strip().split("\\s+"));
    }

    /** The record from values indexed by {@link #ordinal()}; given names separately. */
    static UploadedRecord record(String[] values, List<String> givenNames) {
        return new UploadedRecord(values[NHS_NUMBER.ordinal()], values[PLAN_TYPE.ordinal()], values[START_DATE.ordinal()],
                values[END_DATE.ordinal()], values[DELETE_DATE.ordinal()], values[FAMILY_NAME.ordinal()], givenNames,
                values[DATE_OF_BIRTH.ordinal()], values[LOCAL_ID.ordinal()], values[LAC_LEGAL_STATUS.ordinal()],
                values[SCHOOL_URN.ordinal()], values[GP_PRACTICE_ODS_CODE.ordinal()], values[POSTCODE.ordinal()]);
    }
}
