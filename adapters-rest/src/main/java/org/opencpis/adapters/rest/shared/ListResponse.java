package org.opencpis.adapters.rest.shared;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The contract's list shape: the items of one page and a link to the next page, or null. */
@Serdeable
public record ListResponse<T>(List<T> items, String nextPage) {
}
