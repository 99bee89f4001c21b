package org.opencpis.application.testing;

import java.util.Comparator;
import java.util.UUID;

/** UUIDs in PostgreSQL's order: unsigned, byte by byte. {@link UUID#compareTo} compares signed halves. */
final class Uuids {
    static final Comparator<UUID> POSTGRES_ORDER = Comparator.comparing(UUID::toString);

    private Uuids() {
    }
}
