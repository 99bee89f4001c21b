package org.opencpis.application.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list, and whether another follows. */
public record Page<T>(List<T> items, boolean hasNext) {
    public Page {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from up to {@code size + 1} rows fetched by a store: the extra row, if present,
     * only says that another page follows.
     */
    public static <T> Page<T> fromLookahead(List<T> rows, int size) {
        return rows.size() > size ? new Page<>(rows.subList(0, size), true) : new Page<>(rows, false);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), hasNext);
    }
}
