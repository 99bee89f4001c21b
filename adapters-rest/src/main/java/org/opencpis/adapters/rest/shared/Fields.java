package org.opencpis.adapters.rest.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opencpis.domain.shared.DomainViolation;

/**
 * Collects every field error of a request while it is turned into domain values, so the client
 * hears of all of them in one 400. A failed field yields null; call {@link #orThrow()} at the end.
 */
public final class Fields {
    private final List<Problem.FieldProblem> errors = new ArrayList<>();

    /** The domain value built by {@code build}, or null (with the error noted) when it breaks a rule. */
    public <T> T value(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (DomainViolation e) {
            errors.add(new Problem.FieldProblem(e.field() == null ? field : e.field(), e.code(), e.getMessage()));
            return null;
        }
    }

    /** An optional value: null input stays null, anything else must convert. */
    public <T> T optional(String field, String raw, Function<String, T> convert) {
        return raw == null ? null : value(field, () -> convert.apply(raw));
    }

    public String required(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            errors.add(new Problem.FieldProblem(field, "MISSING_FIELD", field + " is required"));
            return null;
        }
        return raw;
    }

    /** A calendar date in ISO-8601 form (yyyy-MM-dd); an impossible date such as 2025-02-30 is an error. */
    public LocalDate date(String field, String raw, boolean required) {
        if (raw == null) {
            if (required) {
                errors.add(new Problem.FieldProblem(field, "MISSING_FIELD", field + " is required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldProblem(field, "INVALID_DATE", field + " must be a real date as yyyy-MM-dd"));
            return null;
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void orThrow() {
        if (hasErrors()) {
            throw new InvalidRequest(errors);
        }
    }
}
