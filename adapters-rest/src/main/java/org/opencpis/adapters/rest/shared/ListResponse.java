package org.opencpis.adapters.rest.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The contract's list shape: the items of one page and a link to the next page, or null. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ListResponse<T>(List<T> items, String nextPage) {
}
