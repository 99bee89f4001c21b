package org.opencpis.adapters.spine.cycleb.archfixtures;

import org.opencpis.adapters.spine.cyclea.archfixtures.SpineCycleA;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class SpineCycleB {
    SpineCycleA other;
}
