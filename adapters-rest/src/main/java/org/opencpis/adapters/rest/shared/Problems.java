package org.opencpis.adapters.rest.shared;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** Builds {@code application/problem+json} responses. */
public final class Problems {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final String TYPE_BASE = "https://opencpis.org/problems/";

    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, String code, String detail) {
        return response(status, code, detail, List.of());
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, String code, String detail,
                                                        List<Problem.FieldProblem> errors) {
        Problem problem = new Problem(TYPE_BASE + code.toLowerCase().replace('_', '-'), status.getReason(),
                status.getCode(), detail, code, errors);
        return HttpResponse.<Problem>status(status).body(problem).contentType(PROBLEM_JSON);
    }
}
