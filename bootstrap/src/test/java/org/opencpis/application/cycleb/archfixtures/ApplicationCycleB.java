package org.opencpis.application.cycleb.archfixtures;

import org.opencpis.application.cyclea.archfixtures.ApplicationCycleA;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class ApplicationCycleB {
    ApplicationCycleA other;
}
