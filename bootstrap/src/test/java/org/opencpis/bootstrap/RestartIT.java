package org.opencpis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.Tokens;

/** The Run path: the service on its own embedded PostgreSQL keeps its data across a clean restart. */
class RestartIT {

    @Test
    void dataSurvivesARestart(@TempDir Path dataDir) {
        StartupSettings settings = new StartupSettings(Map.of("OPENCPIS_DATA_DIR", dataDir.toString()));
        Map<String, Object> overrides = Map.of("micronaut.server.port", "-1", "opencpis.jwt.secret", Tokens.SECRET,
                "opencpis.pds.unknown", "match");
        try (OpenCpisApplication.Running first = OpenCpisApplication.start(settings, overrides)) {
            Api api = api(first);
            assertEquals(201, api.put("/api/v1/organisations/706", Tokens.admin(), """
                    {"name": "London Borough of Islington", "type": "LOCAL_AUTHORITY", "emergencyDutyPhone": "020 7226 0992"}""")
                    .status());
            assertEquals(201, api.put("/api/v1/plans/9434765919/CPP", Tokens.la("706"), """
                    {"startDate": "2024-01-10", "familyName": "Test", "givenNames": ["Child"], "dateOfBirth": "2015-03-01"}""")
                    .status());
        }
        assertTrue(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION")));

        try (OpenCpisApplication.Running second = OpenCpisApplication.start(settings, overrides)) {
            Api.Response read = api(second).get("/api/v1/plans/9434765919/CPP", Tokens.la("706"));
            assertEquals(200, read.status(), read.toString());
            assertEquals("2024-01-10", read.json().get("startDate"));
            Api.Response verification = api(second).get("/api/v1/audit/verification", Tokens.auditor());
            assertEquals(true, verification.json().get("valid"));
            assertEquals("on", setting(second, "fsync"), "committed data must survive a host crash");
            assertEquals("on", setting(second, "synchronous_commit"));
        }
    }

    private static String setting(OpenCpisApplication.Running running, String name) {
        javax.sql.DataSource dataSource = running.context().getBean(javax.sql.DataSource.class);
        return running.context().getBean(org.opencpis.application.shared.port.out.Transactions.class).inTransaction(() -> {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                 var result = statement.executeQuery("SHOW " + name)) {
                result.next();
                return result.getString(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Api api(OpenCpisApplication.Running running) {
        return new Api(running.context().getBean(EmbeddedServer.class).getURI());
    }
}
