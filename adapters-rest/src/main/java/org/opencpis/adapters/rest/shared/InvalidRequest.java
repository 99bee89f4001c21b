package org.opencpis.adapters.rest.shared;

import java.util.List;

/** The request's fields broke one or more rules: answered 400 with every field error at once. */
public class InvalidRequest extends RuntimeException {
    private final List<Problem.FieldProblem> errors;

    public InvalidRequest(List<Problem.FieldProblem> errors) {
        super(errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    /** The code of the first error, which is the response's {@code code}. */
    public String code() {
        return errors.get(0).code();
    }

    public List<Problem.FieldProblem> errors() {
        return errors;
    }
}
