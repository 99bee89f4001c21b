package org.opencpis.application.alert.port.out;

import java.util.List;
import org.opencpis.domain.alert.AccessEvent;
import org.opencpis.domain.shared.NhsNumber;

/** The history of unscheduled accesses. Joins the caller's transaction. */
public interface AccessEvents {
    void record(AccessEvent event);

    /** Up to {@code limit} accesses to the person, newest first (ties by id). Times are kept to the microsecond. */
    List<AccessEvent> recent(NhsNumber nhsNumber, int limit);
}
