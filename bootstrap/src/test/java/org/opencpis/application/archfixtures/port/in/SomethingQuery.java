package org.opencpis.application.archfixtures.port.in;

/** A well-formed in-port query: imported only by ArchitectureRulesFailTest. */
public record SomethingQuery(String question) {
}
