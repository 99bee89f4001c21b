package org.opencpis.application.testing;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencpis.application.alert.port.out.AccessEvents;
import org.opencpis.domain.alert.AccessEvent;
import org.opencpis.domain.shared.NhsNumber;

/** The access history in a list, times to the microsecond as the database keeps them. */
public final class InMemoryAccessEvents implements AccessEvents {
    private static final Comparator<AccessEvent> NEWEST_FIRST = Comparator.comparing(AccessEvent::accessedAt).reversed()
            .thenComparing(AccessEvent::id, Uuids.POSTGRES_ORDER);

    private final List<AccessEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AccessEvent event) {
        events.add(new AccessEvent(event.id(), event.nhsNumber(), event.accessedAt().truncatedTo(ChronoUnit.MICROS),
                event.accessedBy(), event.organisationName()));
    }

    @Override
    public synchronized List<AccessEvent> recent(NhsNumber nhsNumber, int limit) {
        return events.stream()
                .filter(event -> event.nhsNumber().equals(nhsNumber))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    /** Every recorded event, in the order recorded, for assertions. */
    public synchronized List<AccessEvent> all() {
        return List.copyOf(events);
    }
}
