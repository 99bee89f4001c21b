package org.opencpis.application.cohort.port.in;

/** The actor does not act for the cohort's owning organisation. */
public class CohortAccessDenied extends RuntimeException {
    public CohortAccessDenied() {
        super("only staff of the cohort's owner may read it");
    }
}
