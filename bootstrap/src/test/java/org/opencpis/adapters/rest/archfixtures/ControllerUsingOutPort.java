package org.opencpis.adapters.rest.archfixtures;

import org.opencpis.application.plan.port.out.ProtectionRecords;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class ControllerUsingOutPort {
    private final ProtectionRecords records;

    public ControllerUsingOutPort(ProtectionRecords records) {
        this.records = records;
    }
}
