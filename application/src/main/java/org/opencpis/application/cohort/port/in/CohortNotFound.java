package org.opencpis.application.cohort.port.in;

/** There is no cohort with this id. */
public class CohortNotFound extends RuntimeException {
    public CohortNotFound() {
        super("no such cohort");
    }
}
