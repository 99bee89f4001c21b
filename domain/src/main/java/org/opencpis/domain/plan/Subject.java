package org.opencpis.domain.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.opencpis.domain.shared.DomainViolation;

/**
 * The demographics an LA sends to have the NHS number verified against PDS: for a UCPP they are
 * the mother's. Names are trimmed; at least one given name is required.
 */
public record Subject(String familyName, List<String> givenNames, LocalDate dateOfBirth) {
    private static final int MAX_NAME = 100;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public Subject {
        familyName = requireName(familyName, "familyName");
        if (givenNames == null || givenNames.isEmpty()) {
            throw new DomainViolation("MISSING_FIELD", "givenNames", "at least one given name is required");
        }
        givenNames = givenNames.stream().map(name -> requireName(name, "givenNames")).toList();
        if (dateOfBirth == null) {
            throw new DomainViolation("MISSING_FIELD", "dateOfBirth", "date of birth is required");
        }
    }

    private static String requireName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw new DomainViolation("MISSING_FIELD", field, field + " is required");
        }
        String trimmed = SPACES.matcher(name.strip()).replaceAll(" ");
        if (trimmed.length() > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new DomainViolation("INVALID_NAME", field, field + " must be at most " + MAX_NAME + " printable characters");
        }
        return trimmed;
    }

    /** Demographics never reach logs or exception messages. */
    @Override
    public String toString() {
        return "Subject[redacted]";
    }
}
