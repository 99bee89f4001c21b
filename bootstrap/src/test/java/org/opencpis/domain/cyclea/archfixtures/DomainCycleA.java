package org.opencpis.domain.cyclea.archfixtures;

import org.opencpis.domain.cycleb.archfixtures.DomainCycleB;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class DomainCycleA {
    DomainCycleB other;
}
