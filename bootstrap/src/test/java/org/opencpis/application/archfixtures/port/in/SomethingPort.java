package org.opencpis.application.archfixtures.port.in;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public interface SomethingPort {
    void handle();
}
