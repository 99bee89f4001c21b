package org.opencpis.application.audit.archfixtures;

import org.opencpis.application.plan.port.in.PlanView;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class AuditUsingPlan {
    PlanView plan;
}
