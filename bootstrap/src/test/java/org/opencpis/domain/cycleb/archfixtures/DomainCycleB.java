package org.opencpis.domain.cycleb.archfixtures;

import org.opencpis.domain.cyclea.archfixtures.DomainCycleA;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class DomainCycleB {
    DomainCycleA other;
}
