package org.opencpis.adapters.rest.archfixtures;

import io.micronaut.serde.annotation.Serdeable;
import org.opencpis.domain.shared.NhsNumber;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
@Serdeable
public record NhsNumberResponse(NhsNumber nhsNumber) {
}
