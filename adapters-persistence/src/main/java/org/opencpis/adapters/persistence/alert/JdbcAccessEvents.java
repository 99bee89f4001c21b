package org.opencpis.adapters.persistence.alert;

import static org.opencpis.adapters.persistence.shared.Columns.getInstant;
import static org.opencpis.adapters.persistence.shared.Columns.setInstant;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencpis.application.alert.port.out.AccessEvents;
import org.opencpis.domain.alert.AccessEvent;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/** The access history in {@code access_event}, times to the microsecond. */
@Singleton
public final class JdbcAccessEvents implements AccessEvents {
    /** The event's columns, qualified by {@code e} so that other adapters can join them. */
    static final String COLUMNS = """
            e.id, e.nhs_number, e.accessed_at, e.accessor_subject, e.accessor_organisation, e.accessor_role,
            e.accessor_role_profile_id, e.organisation_name""";
    private static final String INSERT = """
            INSERT INTO access_event (id, nhs_number, accessed_at, accessor_subject, accessor_organisation, accessor_role,
                accessor_role_profile_id, organisation_name)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String RECENT = "SELECT " + COLUMNS
            + " FROM access_event e WHERE e.nhs_number = ? ORDER BY e.accessed_at DESC, e.id LIMIT ?";

    private final JdbcOperations jdbc;

    public JdbcAccessEvents(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AccessEvent event) {
        Actor accessor = event.accessedBy();
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setObject(1, event.id());
            statement.setString(2, event.nhsNumber().value());
            setInstant(statement, 3, event.accessedAt().truncatedTo(ChronoUnit.MICROS));
            statement.setString(4, accessor.subject());
            statement.setString(5, accessor.organisation().value());
            statement.setString(6, accessor.role());
            statement.setString(7, accessor.roleProfileId());
            statement.setString(8, event.organisationName());
            return statement.executeUpdate();
        });
    }

    @Override
    public List<AccessEvent> recent(NhsNumber nhsNumber, int limit) {
        return jdbc.prepareStatement(RECENT, statement -> {
            statement.setString(1, nhsNumber.value());
            statement.setInt(2, limit);
            List<AccessEvent> events = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    events.add(read(row));
                }
            }
            return events;
        });
    }

    /** Reads the event from a row holding {@link #COLUMNS}. */
    static AccessEvent read(ResultSet row) throws SQLException {
        Actor accessor = new Actor(
                row.getString("accessor_subject"),
                new OdsCode(row.getString("accessor_organisation")),
                row.getString("accessor_role"),
                row.getString("accessor_role_profile_id"));
        return new AccessEvent(
                row.getObject("id", UUID.class),
                new NhsNumber(row.getString("nhs_number")),
                getInstant(row, "accessed_at"),
                accessor,
                row.getString("organisation_name"));
    }
}
