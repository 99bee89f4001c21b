package org.opencpis.adapters.spine.archfixtures;

import org.opencpis.adapters.persistence.archfixtures.PersistenceHelper;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class SpineUsingPersistence {
    PersistenceHelper helper;
}
