package org.opencpis.application.archfixtures.service;

import org.opencpis.application.archfixtures.port.in.SomethingQuery;
import org.opencpis.application.archfixtures.port.in.SomethingUseCase;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public final class UntransactionalService implements SomethingUseCase {
    @Override
    public SomethingResult handle(SomethingQuery query) {
        return new SomethingResult(query.question());
    }
}
