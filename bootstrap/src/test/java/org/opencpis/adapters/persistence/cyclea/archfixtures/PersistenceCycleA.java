package org.opencpis.adapters.persistence.cyclea.archfixtures;

import org.opencpis.adapters.persistence.cycleb.archfixtures.PersistenceCycleB;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class PersistenceCycleA {
    PersistenceCycleB other;
}
