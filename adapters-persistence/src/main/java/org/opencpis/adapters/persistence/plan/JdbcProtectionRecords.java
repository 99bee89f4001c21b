package org.opencpis.adapters.persistence.plan;

import static org.opencpis.adapters.persistence.shared.Columns.setTextArray;
import static org.opencpis.adapters.persistence.shared.Columns.getDate;
import static org.opencpis.adapters.persistence.shared.Columns.parse;
import static org.opencpis.adapters.persistence.shared.Columns.setDate;
import static org.opencpis.adapters.persistence.shared.Columns.text;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.shared.Page;
import org.opencpis.application.shared.PageRequest;
import org.opencpis.domain.plan.LacLegalStatus;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.RecordStatus;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.Postcode;
import org.opencpis.domain.shared.SchoolUrn;

/**
 * Protection records in {@code protection_record}. A partial unique index keeps one current record
 * per key; the domain's delete date is stored beside the record so that purging is an index scan.
 */
@Singleton
public final class JdbcProtectionRecords implements ProtectionRecords {
    /** The record's columns in binding order; {@code delete_date} follows them on writes. */
    public static final String COLUMNS = """
            id, la_ods_code, nhs_number, plan_type, start_date, end_date, explicit_delete_date, family_name,
            given_names, date_of_birth, local_id, lac_legal_status, school_urn, gp_practice_ods_code, postcode,
            withdrawn_on""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM protection_record";
    private static final String FIND_CURRENT_FOR_UPDATE = SELECT
            + " WHERE la_ods_code = ? AND nhs_number = ? AND plan_type = ? AND withdrawn_on IS NULL FOR UPDATE";
    /**
     * One index lookup a key (a join could scan every record when the statistics lag behind a large
     * upload), locking in key order, so that two writers of overlapping keys cannot deadlock.
     */
    private static final String FIND_ALL_CURRENT_FOR_UPDATE = """
            SELECT r.* FROM (SELECT DISTINCT * FROM unnest(?::text[], ?::text[], ?::text[]) ORDER BY 1, 2, 3)
                AS k (la_ods_code, nhs_number, plan_type)
            CROSS JOIN LATERAL (""" + SELECT + " WHERE la_ods_code = k.la_ods_code AND nhs_number = k.nhs_number"
            + " AND plan_type = k.plan_type AND withdrawn_on IS NULL FOR UPDATE) r";
    /** The records' columns as arrays (as text, cast here; the given names as one array literal a record), in order. */
    private static final String GIVEN = """
            unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::date[], ?::date[], ?::date[], ?::text[], ?::text[],
                   ?::date[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::date[]) WITH ORDINALITY
                AS given (""" + COLUMNS + ", delete_date, position)";
    private static final String INSERT_ALL_IF_ABSENT = "INSERT INTO protection_record (" + COLUMNS + ", delete_date)" + """

            SELECT id, la_ods_code, nhs_number, plan_type, start_date, end_date, explicit_delete_date, family_name,
                   given_names::text[], date_of_birth, local_id, lac_legal_status, school_urn, gp_practice_ods_code, postcode,
                   withdrawn_on, delete_date
            FROM\s""" + GIVEN + """

            ORDER BY position
            ON CONFLICT DO NOTHING RETURNING id""";
    private static final String UPDATE_ALL = """
            UPDATE protection_record SET
                la_ods_code = given.la_ods_code, nhs_number = given.nhs_number, plan_type = given.plan_type,
                start_date = given.start_date, end_date = given.end_date, explicit_delete_date = given.explicit_delete_date,
                family_name = given.family_name, given_names = given.given_names::text[], date_of_birth = given.date_of_birth,
                local_id = given.local_id, lac_legal_status = given.lac_legal_status, school_urn = given.school_urn,
                gp_practice_ods_code = given.gp_practice_ods_code, postcode = given.postcode, withdrawn_on = given.withdrawn_on,
                delete_date = given.delete_date
            FROM\s""" + GIVEN + """

            WHERE protection_record.id = given.id
            RETURNING protection_record.id""";
    /** A record's values in the order of {@link #COLUMNS} then {@code delete_date}, as text. */
    private static final List<Function<ProtectionRecord, String>> VALUES = List.of(
            record -> record.id().toString(),
            record -> record.key().localAuthority().value(),
            record -> record.key().nhsNumber().value(),
            record -> record.key().planType().name(),
            record -> text(record.details().startDate(), LocalDate::toString),
            record -> text(record.details().endDate(), LocalDate::toString),
            record -> text(record.details().explicitDeleteDate(), LocalDate::toString),
            record -> record.details().subject().familyName(),
            record -> arrayLiteral(record.details().subject().givenNames()),
            record -> text(record.details().subject().dateOfBirth(), LocalDate::toString),
            record -> record.details().localId(),
            record -> text(record.details().lacLegalStatus(), LacLegalStatus::name),
            record -> text(record.details().schoolUrn(), SchoolUrn::value),
            record -> text(record.details().gpPractice(), OdsCode::value),
            record -> text(record.details().postcode(), Postcode::value),
            record -> text(record.withdrawnOn(), LocalDate::toString),
            record -> text(record.deleteDate().orElse(null), LocalDate::toString));
    private static final String LIST_CURRENT = SELECT + " WHERE la_ods_code = ? AND withdrawn_on IS NULL";
    private static final String ACTIVE_ON = " AND (end_date IS NULL OR end_date > ?)";
    private static final String ENDED_ON = " AND end_date <= ?";
    private static final String LIST_ORDER_AND_PAGE = " ORDER BY nhs_number, plan_type LIMIT ? OFFSET ?";
    private static final String FIND_CURRENT = SELECT + " WHERE nhs_number = ? AND withdrawn_on IS NULL";
    /** Rows another purger has locked are skipped, so that concurrent purges never purge (and audit) a record twice. */
    private static final String DUE_FOR_PURGE = SELECT
            + " WHERE delete_date <= ? ORDER BY delete_date, id LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String DELETE = "DELETE FROM protection_record WHERE id = ?";

    private final JdbcOperations jdbc;

    public JdbcProtectionRecords(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ProtectionRecord> findCurrentForUpdate(RecordKey key) {
        return jdbc.prepareStatement(FIND_CURRENT_FOR_UPDATE, statement -> {
            statement.setString(1, key.localAuthority().value());
            statement.setString(2, key.nhsNumber().value());
            statement.setString(3, key.planType().name());
            return readAll(statement).stream().findFirst();
        });
    }

    @Override
    public Map<RecordKey, ProtectionRecord> findAllCurrentForUpdate(Collection<RecordKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<ProtectionRecord> found = jdbc.prepareStatement(FIND_ALL_CURRENT_FOR_UPDATE, statement -> {
            setTextArray(statement, 1, keys, key -> key.localAuthority().value());
            setTextArray(statement, 2, keys, key -> key.nhsNumber().value());
            setTextArray(statement, 3, keys, key -> key.planType().name());
            return readAll(statement);
        });
        Map<RecordKey, ProtectionRecord> byKey = new HashMap<>();
        found.forEach(record -> byKey.put(record.key(), record));
        return byKey;
    }

    @Override
    public boolean insertIfAbsent(ProtectionRecord record) {
        return !insertAllIfAbsent(List.of(record)).isEmpty();
    }

    @Override
    public Set<UUID> insertAllIfAbsent(List<ProtectionRecord> records) {
        return writeAll(INSERT_ALL_IF_ABSENT, records);
    }

    @Override
    public void update(ProtectionRecord record) {
        updateAll(List.of(record));
    }

    /** For records with distinct ids. */
    @Override
    public void updateAll(List<ProtectionRecord> records) {
        Set<UUID> updated = writeAll(UPDATE_ALL, records);
        records.stream().map(ProtectionRecord::id).filter(id -> !updated.contains(id)).findFirst().ifPresent(id -> {
            throw new IllegalStateException("no stored protection record with id " + id);
        });
    }

    /** Runs a statement over {@link #GIVEN}; returns the ids it returned. */
    private Set<UUID> writeAll(String sql, List<ProtectionRecord> records) {
        if (records.isEmpty()) {
            return Set.of();
        }
        return jdbc.prepareStatement(sql, statement -> {
            for (int column = 0; column < VALUES.size(); column++) {
                setTextArray(statement, column + 1, records, VALUES.get(column));
            }
            Set<UUID> written = new HashSet<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    written.add(row.getObject(1, UUID.class));
                }
            }
            return written;
        });
    }

    /** The values as a PostgreSQL array literal, each quoted. */
    private static String arrayLiteral(List<String> values) {
        return values.stream().map(value -> '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }

    @Override
    public Page<ProtectionRecord> listCurrent(OdsCode localAuthority, RecordStatus status, LocalDate today,
                                              PageRequest page) {
        if (status == RecordStatus.WITHDRAWN) {
            return new Page<>(List.of(), false);
        }
        String statusFilter = status == null ? "" : status == RecordStatus.ACTIVE ? ACTIVE_ON : ENDED_ON;
        List<ProtectionRecord> rows = jdbc.prepareStatement(LIST_CURRENT + statusFilter + LIST_ORDER_AND_PAGE, statement -> {
            int index = 1;
            statement.setString(index++, localAuthority.value());
            if (status != null) {
                setDate(statement, index++, today);
            }
            statement.setInt(index++, page.size() + 1);
            statement.setLong(index, page.offset());
            return readAll(statement);
        });
        return Page.fromLookahead(rows, page.size());
    }

    @Override
    public List<ProtectionRecord> findCurrent(NhsNumber nhsNumber) {
        return jdbc.prepareStatement(FIND_CURRENT, statement -> {
            statement.setString(1, nhsNumber.value());
            return readAll(statement);
        });
    }

    @Override
    public List<ProtectionRecord> findDueForPurge(LocalDate today, int limit) {
        return jdbc.prepareStatement(DUE_FOR_PURGE, statement -> {
            setDate(statement, 1, today);
            statement.setInt(2, limit);
            return readAll(statement);
        });
    }

    @Override
    public void delete(UUID id) {
        jdbc.prepareStatement(DELETE, statement -> {
            statement.setObject(1, id);
            return statement.executeUpdate();
        });
    }

    private static List<ProtectionRecord> readAll(PreparedStatement statement) throws SQLException {
        List<ProtectionRecord> records = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                records.add(read(row));
            }
        }
        return records;
    }

    public static ProtectionRecord read(ResultSet row) throws SQLException {
        RecordKey key = new RecordKey(
                new OdsCode(row.getString("la_ods_code")),
                new NhsNumber(row.getString("nhs_number")),
                PlanType.valueOf(row.getString("plan_type")));
        Subject subject = new Subject(
                row.getString("family_name"),
                List.of((String[]) row.getArray("given_names").getArray()),
                getDate(row, "date_of_birth"));
        PlanDetails details = new PlanDetails(
                getDate(row, "start_date"),
                getDate(row, "end_date"),
                getDate(row, "explicit_delete_date"),
                subject,
                row.getString("local_id"),
                parse(row, "lac_legal_status", LacLegalStatus::valueOf),
                parse(row, "school_urn", SchoolUrn::new),
                parse(row, "gp_practice_ods_code", OdsCode::new),
                parse(row, "postcode", Postcode::new));
        return new ProtectionRecord(row.getObject("id", UUID.class), key, details, getDate(row, "withdrawn_on"));
    }
}
