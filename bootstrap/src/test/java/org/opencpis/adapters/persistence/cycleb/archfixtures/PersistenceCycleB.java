package org.opencpis.adapters.persistence.cycleb.archfixtures;

import org.opencpis.adapters.persistence.cyclea.archfixtures.PersistenceCycleA;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class PersistenceCycleB {
    PersistenceCycleA other;
}
