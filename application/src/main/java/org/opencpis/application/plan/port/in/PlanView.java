package org.opencpis.application.plan.port.in;

import java.time.LocalDate;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordStatus;

/** A record as its LA sees it on a given day: with its status on that day. */
public record PlanView(ProtectionRecord record, RecordStatus status) {
    public static PlanView on(LocalDate today, ProtectionRecord record) {
        return new PlanView(record, record.status(today));
    }
}
