package org.opencpis.application.plan.port.out;

/** PDS could not be asked (down, timed out): the caller must not treat the record as verified. */
public class DemographicsUnavailable extends RuntimeException {
    public DemographicsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
