package org.opencpis.adapters.persistence.shared;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.function.Function;

/** Null-safe reading and binding of the column types the adapters use. */
public final class Columns {
    private Columns() {
    }

    /** Binds one text value per row as a {@code text[]}, for statements over {@code unnest()} of their columns. */
    public static <T> void setTextArray(PreparedStatement statement, int index, Collection<T> rows, Function<T, String> value)
            throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("text", rows.stream().map(value).toArray()));
    }

    public static void setDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, value);
        }
    }

    public static LocalDate getDate(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    /** Binds an instant as {@code timestamptz}; PostgreSQL keeps microseconds. */
    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    public static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The value's text form, or null. */
    public static <T> String text(T value, Function<T, String> toText) {
        return value == null ? null : toText.apply(value);
    }

    /** The column parsed into a value, or null when the column is null. */
    public static <T> T parse(ResultSet row, String column, Function<String, T> parser) throws SQLException {
        String text = row.getString(column);
        return text == null ? null : parser.apply(text);
    }
}
