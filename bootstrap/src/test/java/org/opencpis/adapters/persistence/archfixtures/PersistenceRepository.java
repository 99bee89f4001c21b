package org.opencpis.adapters.persistence.archfixtures;

import io.micronaut.data.repository.GenericRepository;

/**
 * A persistence repository (by type, without {@code @Repository}, so that no Micronaut Data
 * implementation is generated for it): imported only by ArchitectureRulesFailTest.
 */
public interface PersistenceRepository extends GenericRepository<PersistenceHelper, Long> {
}
