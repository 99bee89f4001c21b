package org.opencpis.adapters.persistence.upload;

import static org.opencpis.adapters.persistence.shared.Columns.setTextArray;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencpis.application.upload.port.out.UploadResults;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.upload.RecordResult;

/** Per-record acknowledgement entries in {@code upload_record_result}, a batch's in one statement. */
@Singleton
public final class JdbcUploadResults implements UploadResults {
    private static final String INSERT = """
            INSERT INTO upload_record_result (upload_id, record_index, nhs_number, plan_type, status, detail)
            SELECT ?, * FROM unnest(?::integer[], ?::text[], ?::text[], ?::text[], ?::text[])""";
    private static final String COUNTS = """
            SELECT count(*), count(*) FILTER (WHERE status = 'CPR06') FROM upload_record_result WHERE upload_id = ?""";
    private static final String LIST = """
            SELECT record_index, nhs_number, plan_type, status, detail FROM upload_record_result
            WHERE upload_id = ? AND record_index >= ? ORDER BY record_index LIMIT ?""";

    private final JdbcOperations jdbc;

    public JdbcUploadResults(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(UUID uploadId, List<RecordResult> results) {
        if (results.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setObject(1, uploadId);
            statement.setArray(2, statement.getConnection().createArrayOf("integer", results.stream().map(RecordResult::index).toArray()));
            setTextArray(statement, 3, results, RecordResult::nhsNumber);
            setTextArray(statement, 4, results, RecordResult::planType);
            setTextArray(statement, 5, results, result -> result.status().name());
            setTextArray(statement, 6, results, RecordResult::detail);
            return statement.executeUpdate();
        });
    }

    @Override
    public Counts counts(UUID uploadId) {
        return jdbc.prepareStatement(COUNTS, statement -> {
            statement.setObject(1, uploadId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new Counts(row.getInt(1), row.getInt(2));
            }
        });
    }

    @Override
    public List<RecordResult> list(UUID uploadId, int fromIndex, int limit) {
        return jdbc.prepareStatement(LIST, statement -> {
            statement.setObject(1, uploadId);
            statement.setInt(2, fromIndex);
            statement.setInt(3, limit);
            List<RecordResult> found = new ArrayList<>(Math.min(limit, 1000));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(new RecordResult(row.getInt(1), row.getString(2), row.getString(3),
                            RecordOutcome.valueOf(row.getString(4)), row.getString(5)));
                }
            }
            return found;
        });
    }
}
