package org.opencpis.application.cohort.port.in;

/**
 * Pushes each cohort's unsent changes to its owner's mailbox (workflow {@code CPIS_COHORT}),
 * never an unchanged list. Run every {@code OPENCPIS_COHORT_PUSH_INTERVAL}; safe on several instances.
 */
public interface DeliverCohortPushesUseCase {
    /** @return how many cohorts' changes were pushed in this pass */
    int deliverDue();
}
