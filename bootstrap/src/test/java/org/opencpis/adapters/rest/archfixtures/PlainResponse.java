package org.opencpis.adapters.rest.archfixtures;

import io.micronaut.serde.annotation.Serdeable;

/** A well-formed response: imported only by ArchitectureRulesFailTest, to show the rule spares it. */
@Serdeable
public record PlainResponse(String nhsNumber) {
}
