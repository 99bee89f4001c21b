package org.opencpis.adapters.persistence.testing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Returns a migrated database to its freshly migrated state between tests: every table but Flyway's
 * history is emptied, and the audit chain starts again from the genesis hash.
 */
@Singleton
public final class DatabaseCleaner {
    private static final String TABLES = """
            SELECT string_agg(format('%I', tablename), ', ') FROM pg_tables
            WHERE schemaname = current_schema() AND tablename NOT IN ('flyway_schema_history', 'audit_head')""";

    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;

    public DatabaseCleaner(TransactionOperations<Connection> transactions, JdbcOperations jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public void emptyAllTables() {
        transactions.executeWrite(status -> jdbc.execute(connection -> {
            try (Statement statement = connection.createStatement()) {
                String tables;
                try (ResultSet row = statement.executeQuery(TABLES)) {
                    row.next();
                    tables = row.getString(1);
                }
                if (tables != null) {
                    statement.execute("TRUNCATE " + tables + " RESTART IDENTITY CASCADE");
                }
                statement.execute("UPDATE audit_head SET last_sequence = 0, last_hash = repeat('0', 64)");
            }
            return null;
        }));
    }
}
