package org.opencpis.adapters.rest.shared;

/** Nothing the caller may see answers to this address: 404, whether it exists for someone else or not. */
public class NotFound extends RuntimeException {
    public NotFound(String detail) {
        super(detail);
    }
}
