package org.opencpis.application.cyclea.archfixtures;

import org.opencpis.application.cycleb.archfixtures.ApplicationCycleB;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class ApplicationCycleA {
    ApplicationCycleB other;
}
