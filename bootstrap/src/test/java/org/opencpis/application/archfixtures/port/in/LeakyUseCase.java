package org.opencpis.application.archfixtures.port.in;

import org.opencpis.application.archfixtures.port.out.SomethingStore;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public interface LeakyUseCase {
    SomethingStore store();
}
