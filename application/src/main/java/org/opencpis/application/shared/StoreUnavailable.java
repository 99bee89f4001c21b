package org.opencpis.application.shared;

/**
 * The database could not be reached (down, restarting, no connection to be had in time). Nothing
 * of the work was applied; the caller may try again later.
 */
public class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
