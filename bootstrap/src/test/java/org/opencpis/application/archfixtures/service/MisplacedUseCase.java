package org.opencpis.application.archfixtures.service;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class MisplacedUseCase {
    public void handle() {
    }
}
