package org.opencpis.adapters.persistence.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class MicronautTransactionsTest {

    @Test
    void connectionFailuresAreRecognisedThroughWrappers() {
        assertTrue(MicronautTransactions.isConnectionFailure(new IllegalStateException(
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))));
        assertTrue(MicronautTransactions.isConnectionFailure(new RuntimeException(new SQLException("refused", "08001"))));
        assertTrue(MicronautTransactions.isConnectionFailure(new RuntimeException(new SQLException("shutdown", "57P01"))));
        assertTrue(MicronautTransactions.isConnectionFailure(new RuntimeException(new ConnectException("refused"))));
        assertTrue(MicronautTransactions.isConnectionFailure(
                new io.micronaut.data.connection.exceptions.ConnectionException("Could not set read-only", new SQLException("closed"))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(MicronautTransactions.isConnectionFailure(new IllegalStateException("a bug")));
        assertFalse(MicronautTransactions.isConnectionFailure(new RuntimeException(new SQLException("unique", "23505"))));
    }
}
