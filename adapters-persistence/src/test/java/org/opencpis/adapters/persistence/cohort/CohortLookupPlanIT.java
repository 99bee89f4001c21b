package org.opencpis.adapters.persistence.cohort;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.persistence.shared.MicronautTransactions;
import org.opencpis.adapters.persistence.testing.DatabaseCleaner;
import org.opencpis.adapters.persistence.testing.PostgresIT;

/**
 * The scale promise of cohorts (issue #5, ADR 0011), checked on PostgreSQL's own plans with 20,000
 * cohorts and 20,000 placed records: finding the cohorts a record touches, the people a cohort
 * may hold, and the placed records of a batch's 250 people are index lookups, never a scan of every
 * cohort or every placement.
 */
@MicronautTest(transactional = false)
class CohortLookupPlanIT implements PostgresIT {
    @Inject
    JdbcOperations jdbc;
    @Inject
    MicronautTransactions transactions;
    @Inject
    DatabaseCleaner cleaner;

    private String plan(String sql, String... arrays) {
        return transactions.inTransaction(() -> jdbc.prepareStatement("EXPLAIN " + sql.replace("?", "%s").formatted((Object[]) arrays),
                statement -> {
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            plan.append(row.getString(1)).append('\n');
                        }
                    }
                    return plan.toString();
                }));
    }

    @Test
    void aRecordsCohortsAndACohortsPeopleAreFoundThroughIndexes() {
        cleaner.emptyAllTables();
        transactions.run(() -> jdbc.execute(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        INSERT INTO cohort (id, owner_ods_code, name, defined_at, push_due_at)
                        SELECT 'c' || n, 'RQX', 'Cohort ' || n, now(), now() FROM generate_series(1, 20000) n""");
                statement.execute("""
                        INSERT INTO cohort_criterion (cohort_id, kind, value)
                        SELECT 'c' || n, 'SCHOOL_URN', lpad(n::text, 6, '0') FROM generate_series(1, 20000) n
                        UNION ALL SELECT 'c' || n, 'LOCAL_AUTHORITY', (700 + n % 150)::text FROM generate_series(1, 20000) n""");
                storePlacedRecords(statement);
                statement.execute("ANALYZE cohort; ANALYZE cohort_criterion; ANALYZE protection_record; ANALYZE record_placement");
            }
            return null;
        }));

        String cohortsOfARecord = plan(JdbcCohorts.HAVING_ANY, "ARRAY['SCHOOL_URN']", "ARRAY['000042']");
        assertTrue(cohortsOfARecord.contains("cohort_criterion_lookup_idx"), cohortsOfARecord);
        assertFalse(cohortsOfARecord.contains("Seq Scan on cohort "), cohortsOfARecord);

        String peopleOfACohort = plan(JdbcCohorts.PLACED_BY, "ARRAY['SCHOOL_URN']", "ARRAY['000042']");
        assertTrue(peopleOfACohort.contains("record_placement_lookup_idx"), peopleOfACohort);
        assertFalse(peopleOfACohort.contains("Seq Scan on record_placement"), peopleOfACohort);

        assertPlacedRecordsOfABatchAreIndexLookups();
    }

    @Test
    void aBatchsPlacedRecordsAreIndexLookupsEvenWhenTheStatisticsLagBehindAnUpload() {
        cleaner.emptyAllTables();
        transactions.run(() -> jdbc.execute(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE protection_record; ANALYZE record_placement");
                storePlacedRecords(statement);
            }
            return null;
        }));

        assertPlacedRecordsOfABatchAreIndexLookups();
    }

    private static void storePlacedRecords(Statement statement) throws SQLException {
        statement.execute("""
                INSERT INTO protection_record (id, la_ods_code, nhs_number, plan_type, start_date, family_name, given_names,
                    date_of_birth)
                SELECT gen_random_uuid(), (700 + n % 150)::text, '9' || lpad(n::text, 9, '0'), 'CPP', current_date, 'Test',
                    ARRAY['Child'], current_date - 3000 FROM generate_series(1, 20000) n""");
        statement.execute("""
                INSERT INTO record_placement (record_id, kind, value)
                SELECT id, 'SCHOOL_URN', lpad((abs(hashtext(id::text)) % 20000)::text, 6, '0') FROM protection_record""");
    }

    /** The placed records of 250 people, as an upload's batch reads them. */
    private void assertPlacedRecordsOfABatchAreIndexLookups() {
        String people = "ARRAY[" + IntStream.range(0, 250).mapToObj(n -> "'9%09d'".formatted(n * 80 + 1))
                .collect(Collectors.joining(",")) + "]";
        String placedRecordsOfABatch = plan(JdbcCohorts.PLACED_RECORDS, people);
        assertTrue(placedRecordsOfABatch.contains("protection_record_current_nhs_number_idx"), placedRecordsOfABatch);
        assertFalse(placedRecordsOfABatch.contains("Seq Scan on record_placement"), placedRecordsOfABatch);
    }
}
