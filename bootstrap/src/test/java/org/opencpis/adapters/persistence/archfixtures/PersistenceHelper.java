package org.opencpis.adapters.persistence.archfixtures;

/** A persistence internal for the bad fixtures to depend on: imported only by ArchitectureRulesFailTest. */
public class PersistenceHelper {
}
