package org.opencpis.adapters.rest.archfixtures;

import java.util.Optional;
import org.opencpis.application.plan.port.in.PlanView;
import org.opencpis.application.plan.port.in.ReadPlansUseCase;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.plan.RecordKey;

/** A well-formed controller: imported only by ArchitectureRulesFailTest, to show the rules spare it. */
public class ControllerUsingInPort {
    private final ReadPlansUseCase plans;

    public ControllerUsingInPort(ReadPlansUseCase plans) {
        this.plans = plans;
    }

    public Optional<PlanView> read(RequestContext context, RecordKey key) {
        return plans.read(context, key);
    }

    public PageRequest firstPage() {
        return new PageRequest(0, PageRequest.DEFAULT_SIZE);
    }
}
