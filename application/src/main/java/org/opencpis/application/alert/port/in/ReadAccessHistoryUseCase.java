package org.opencpis.application.alert.port.in;

import java.util.List;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.domain.alert.AccessEvent;
import org.opencpis.domain.shared.NhsNumber;

/** The last {@link #HISTORY_SIZE} unscheduled accesses to a person, newest first. The reading is audited. */
public interface ReadAccessHistoryUseCase {
    int HISTORY_SIZE = 25;

    List<AccessEvent> history(RequestContext context, NhsNumber nhsNumber);
}
