package org.opencpis.adapters.spine.pds;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One entry of the PDS stub's JSON fixture (CONTRACT §10), as written in the file. Every field is
 * read as given and checked by {@link PdsFixtureEntries#toRecord}, so that a bad entry fails start-up with a
 * message that names the entry and the field, never the value.
 */
@Serdeable
public record PdsFixtureEntry(
        @Nullable String nhsNumber,
        @Nullable String familyName,
        @Nullable List<String> givenNames,
        @Nullable String dateOfBirth,
        @Nullable String status,
        @Nullable String supersededBy,
        @Nullable String gpPracticeOdsCode,
        @Nullable String postcode) {

    /** The entry without its values, so that it can never leak into a log line. */
    @Override
    public String toString() {
        return "PdsFixtureEntry[status=" + status + "]";
    }
}
