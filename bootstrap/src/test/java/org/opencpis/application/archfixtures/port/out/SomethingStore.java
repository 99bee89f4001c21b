package org.opencpis.application.archfixtures.port.out;

import org.opencpis.application.archfixtures.port.in.SomethingQuery;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public interface SomethingStore {
    String find(SomethingQuery query);
}
