package org.opencpis.adapters.rest.cyclea.archfixtures;

import org.opencpis.adapters.rest.cycleb.archfixtures.RestCycleB;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class RestCycleA {
    RestCycleB other;
}
