package org.opencpis.domain.shared;

/**
 * A value or invariant of the domain was broken. {@link #code()} is the machine-readable code
 * that adapters report (for example {@code INVALID_NHS_NUMBER}); {@link #field()} names the input
 * that broke it, when there is one.
 */
public class DomainViolation extends RuntimeException {
    private final String code;
    private final String field;

    public DomainViolation(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
