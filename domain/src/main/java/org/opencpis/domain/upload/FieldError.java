package org.opencpis.domain.upload;

/** Why one field of an uploaded record was refused: the field, a machine-readable code and a message. */
public record FieldError(String field, String code, String message) {

    /** {@code field CODE (message)}, as an acknowledgement's detail shows it. */
    public String describe() {
        return field + " " + code + " (" + message + ")";
    }
}
