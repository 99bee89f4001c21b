package org.opencpis.domain.upload;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opencpis.domain.shared.DomainViolation;

/** Collects the field errors of one record while its values are built: a failed field yields null. */
final class FieldErrors {
    private final List<FieldError> found = new ArrayList<>();

    FieldErrors() {
    }

    <T> T value(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (DomainViolation e) {
            found.add(new FieldError(e.field() == null ? field : e.field(), e.code(), e.getMessage()));
            return null;
        }
    }

    <T> T optional(String field, String raw, Function<String, T> convert) {
        return raw == null ? null : value(field, () -> convert.apply(raw));
    }

    LocalDate date(String field, String raw, boolean required) {
        if (raw == null) {
            if (required) {
                found.add(new FieldError(field, "MISSING_FIELD", field + " is required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            found.add(new FieldError(field, "INVALID_DATE", field + " must be a real date as yyyy-MM-dd"));
            return null;
        }
    }

    boolean any() {
        return !found.isEmpty();
    }

    CheckedRecord.Invalid invalid() {
        return new CheckedRecord.Invalid(found);
    }
}
