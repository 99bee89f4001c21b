package org.opencpis.adapters.rest.cycleb.archfixtures;

import org.opencpis.adapters.rest.cyclea.archfixtures.RestCycleA;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class RestCycleB {
    RestCycleA other;
}
