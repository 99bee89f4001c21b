package org.opencpis.adapters.rest.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** An RFC 9457 problem with OpenCPIS's machine-readable {@code code} and, for field errors, {@code errors}. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldProblem> errors) {

    @Serdeable
    public record FieldProblem(String field, String code, String message) {
    }
}
