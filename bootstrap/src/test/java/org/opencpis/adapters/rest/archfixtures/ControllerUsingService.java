package org.opencpis.adapters.rest.archfixtures;

import org.opencpis.application.plan.service.PlanService;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class ControllerUsingService {
    private final PlanService plans;

    public ControllerUsingService(PlanService plans) {
        this.plans = plans;
    }
}
