package org.opencpis.bootstrap.archfixtures;

import org.opencpis.adapters.persistence.archfixtures.PersistenceHelper;

/** Bootstrap may name a persistence class: imported only by ArchitectureRulesFailTest, to show the rule spares it. */
public class WiringUsingPersistence {
    PersistenceHelper helper;
}
