package org.opencpis.adapters.spine.cyclea.archfixtures;

import org.opencpis.adapters.spine.cycleb.archfixtures.SpineCycleB;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class SpineCycleA {
    SpineCycleB other;
}
