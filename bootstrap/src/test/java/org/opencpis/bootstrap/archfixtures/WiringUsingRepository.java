package org.opencpis.bootstrap.archfixtures;

import org.opencpis.adapters.persistence.archfixtures.PersistenceRepository;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class WiringUsingRepository {
    PersistenceRepository repository;
}
