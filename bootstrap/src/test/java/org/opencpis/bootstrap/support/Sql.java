package org.opencpis.bootstrap.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** Looks at what a service stored, with the test's own connection to its database. */
public record Sql(String url, String username, String password) {

    /** From a datasource's Micronaut properties ({@code datasources.default.url}, ...). */
    public static Sql of(Map<String, ?> datasource) {
        return new Sql(String.valueOf(datasource.get("datasources.default.url")),
                String.valueOf(datasource.get("datasources.default.username")),
                String.valueOf(datasource.get("datasources.default.password")));
    }

    /** The single number the query answers (a count). */
    public long number(String sql, Object... parameters) {
        return Long.parseLong(text(sql, parameters));
    }

    /** The single value the query answers, as text. */
    public String text(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, username, password);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("no row: " + sql);
                }
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not run " + sql, e);
        }
    }
}
