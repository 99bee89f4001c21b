package org.opencpis.adapters.persistence.organisation;

import static org.opencpis.adapters.persistence.shared.Columns.parse;
import static org.opencpis.adapters.persistence.shared.Columns.text;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.organisation.OrganisationType;
import org.opencpis.domain.organisation.PhoneNumber;
import org.opencpis.domain.shared.OdsCode;

@Singleton
public final class JdbcOrganisations implements Organisations {
    private static final String FIND = """
            SELECT ods_code, name, type, emergency_duty_phone, office_hours_phone, mesh_mailbox_id, mesh_mailbox_password
            FROM organisation WHERE ods_code = ?""";
    private static final String FIND_ALL = """
            SELECT ods_code, name, type, emergency_duty_phone, office_hours_phone, mesh_mailbox_id, mesh_mailbox_password
            FROM organisation WHERE ods_code = ANY (?)""";
    private static final String FIND_BY_MAILBOX = """
            SELECT ods_code, name, type, emergency_duty_phone, office_hours_phone, mesh_mailbox_id, mesh_mailbox_password
            FROM organisation WHERE upper(mesh_mailbox_id) = upper(?)""";
    private static final String UPSERT = """
            INSERT INTO organisation
                (ods_code, name, type, emergency_duty_phone, office_hours_phone, mesh_mailbox_id, mesh_mailbox_password)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (ods_code) DO UPDATE SET
                name = EXCLUDED.name,
                type = EXCLUDED.type,
                emergency_duty_phone = EXCLUDED.emergency_duty_phone,
                office_hours_phone = EXCLUDED.office_hours_phone,
                mesh_mailbox_id = EXCLUDED.mesh_mailbox_id,
                mesh_mailbox_password = EXCLUDED.mesh_mailbox_password
            RETURNING (xmax = 0) AS inserted""";

    private final JdbcOperations jdbc;

    public JdbcOrganisations(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Organisation> find(OdsCode odsCode) {
        return jdbc.prepareStatement(FIND, statement -> {
            statement.setString(1, odsCode.value());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        });
    }

    /** One statement for every code (the CP-IS query's responsible LAs and the accessing organisation). */
    @Override
    public Map<OdsCode, Organisation> findAll(Collection<OdsCode> odsCodes) {
        if (odsCodes.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement(FIND_ALL, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("text",
                    odsCodes.stream().map(OdsCode::value).distinct().toArray()));
            Map<OdsCode, Organisation> found = new HashMap<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Organisation organisation = read(row);
                    found.put(organisation.odsCode(), organisation);
                }
            }
            return found;
        });
    }

    @Override
    public Optional<Organisation> findByMailbox(String mailboxId) {
        return jdbc.prepareStatement(FIND_BY_MAILBOX, statement -> {
            statement.setString(1, mailboxId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        });
    }

    @Override
    public boolean save(Organisation organisation) {
        return jdbc.prepareStatement(UPSERT, statement -> {
            statement.setString(1, organisation.odsCode().value());
            statement.setString(2, organisation.name());
            statement.setString(3, organisation.type().name());
            statement.setString(4, text(organisation.emergencyDutyPhone(), PhoneNumber::value));
            statement.setString(5, text(organisation.officeHoursPhone(), PhoneNumber::value));
            statement.setString(6, organisation.meshMailboxId());
            statement.setString(7, organisation.meshMailboxPassword());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean("inserted");
            }
        });
    }

    private static Organisation read(ResultSet row) throws SQLException {
        return new Organisation(
                new OdsCode(row.getString("ods_code")),
                row.getString("name"),
                OrganisationType.valueOf(row.getString("type")),
                parse(row, "emergency_duty_phone", PhoneNumber::new),
                parse(row, "office_hours_phone", PhoneNumber::new),
                row.getString("mesh_mailbox_id"),
                row.getString("mesh_mailbox_password"));
    }
}
