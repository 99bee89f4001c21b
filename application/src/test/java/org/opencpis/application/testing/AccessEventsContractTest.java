package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpis.application.alert.port.out.AccessEvents;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.alert.AccessEvent;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;

/** What every {@link AccessEvents} must do. */
public abstract class AccessEventsContractTest {
    protected static final Instant T0 = Instant.parse("2025-03-10T10:15:30.123456Z");
    private static final NhsNumber CHILD = TestData.nhsNumber(1);
    private static final NhsNumber OTHER_CHILD = TestData.nhsNumber(2);

    private AccessEvents events;

    /** A new, empty history under test. */
    protected abstract AccessEvents createEvents();

    /** Runs port calls the way the services do: inside a transaction. */
    protected abstract Transactions transactions();

    @BeforeEach
    void createStore() {
        events = createEvents();
    }

    protected final <T> T tx(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    private AccessEvent recorded(AccessEvent event) {
        transactions().run(() -> events.record(event));
        return event;
    }

    private AccessEvent recorded(NhsNumber nhsNumber, Instant at) {
        return recorded(TestData.access(UUID.randomUUID(), nhsNumber, at));
    }

    private List<AccessEvent> recent(NhsNumber nhsNumber, int limit) {
        return tx(() -> events.recent(nhsNumber, limit));
    }

    @Test
    void aPersonWithoutAccessesHasNoHistory() {
        recorded(OTHER_CHILD, T0);

        assertEquals(List.of(), recent(CHILD, 25));
    }

    @Test
    void anEventComesBackWithEveryField() {
        AccessEvent event = recorded(TestData.access(UUID.randomUUID(), CHILD, T0));

        assertEquals(List.of(event), recent(CHILD, 25));
    }

    @Test
    void absentOptionalFieldsComeBackAbsent() {
        AccessEvent event = recorded(new AccessEvent(UUID.randomUUID(), CHILD, T0,
                new Actor("clinician-2", TestData.HOSPITAL, "R8000", null), null));

        assertEquals(List.of(event), recent(CHILD, 25));
    }

    @Test
    void recentHoldsOnePersonsAccessesNewestFirst() {
        AccessEvent middle = recorded(CHILD, T0.plusSeconds(60));
        AccessEvent oldest = recorded(CHILD, T0);
        recorded(OTHER_CHILD, T0.plusSeconds(30));
        AccessEvent newest = recorded(CHILD, T0.plusSeconds(120));

        assertEquals(List.of(newest, middle, oldest), recent(CHILD, 25));
    }

    @Test
    void accessesAtTheSameInstantAreOrderedById() {
        AccessEvent high = recorded(TestData.access(UUID.fromString("f0000000-0000-4000-8000-000000000000"), CHILD, T0));
        AccessEvent low = recorded(TestData.access(UUID.fromString("10000000-0000-4000-8000-000000000000"), CHILD, T0));
        AccessEvent middle = recorded(TestData.access(UUID.fromString("80000000-0000-4000-8000-000000000000"), CHILD, T0));

        assertEquals(List.of(low, middle, high), recent(CHILD, 25));
    }

    @Test
    void recentStopsAtTheLimitKeepingTheNewest() {
        List<AccessEvent> newestFirst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            newestFirst.add(0, recorded(CHILD, T0.plusSeconds(i)));
        }

        assertEquals(newestFirst.subList(0, 25), recent(CHILD, 25));
        assertEquals(newestFirst.subList(0, 1), recent(CHILD, 1));
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        AccessEvent nanos = recorded(CHILD, Instant.parse("2025-03-10T10:15:30.999999999Z"));
        AccessEvent micros = recorded(CHILD, Instant.parse("2025-03-10T10:15:30.000001Z"));

        List<AccessEvent> history = recent(CHILD, 25);

        assertEquals(List.of(Instant.parse("2025-03-10T10:15:30.999999Z"), micros.accessedAt()),
                history.stream().map(AccessEvent::accessedAt).toList());
        assertEquals(List.of(nanos.id(), micros.id()), history.stream().map(AccessEvent::id).toList());
    }
}
