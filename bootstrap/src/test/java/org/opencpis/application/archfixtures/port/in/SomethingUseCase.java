package org.opencpis.application.archfixtures.port.in;

/** A well-formed in-port: imported only by ArchitectureRulesFailTest, to show the rules spare it. */
public interface SomethingUseCase {
    SomethingResult handle(SomethingQuery query);

    record SomethingResult(String answer) {
    }
}
