package org.opencpis.application.shared;

import org.opencpis.domain.shared.DomainViolation;

/** A page of a list: zero-based {@code page}, {@code size} between 1 and {@link #MAX_SIZE}. */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw new DomainViolation("INVALID_PAGE", "page", "page starts at 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new DomainViolation("INVALID_PAGE", "size", "size is 1 to " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
