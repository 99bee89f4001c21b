package org.opencpis.domain.archfixtures;

import io.micronaut.core.annotation.Internal;
import javax.sql.DataSource;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
@Internal
public class BadDomainClass {
    private DataSource dataSource;

    public DataSource dataSource() {
        return dataSource;
    }
}
