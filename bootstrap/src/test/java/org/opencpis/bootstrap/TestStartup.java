package org.opencpis.bootstrap;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.opencpis.bootstrap.support.Tokens;

/** Starts the whole service the way {@code main} does, on its own embedded PostgreSQL in {@code dataDir}, on a random port. */
public record TestStartup(Path dataDir) {

    public OpenCpisApplication.Running start(Map<String, Object> extra) {
        return OpenCpisApplication.start(new StartupSettings(Map.of("OPENCPIS_DATA_DIR", dataDir.toString())), overrides(extra));
    }

    /**
     * Starts the service on an external database (as with {@code DATASOURCES_DEFAULT_URL} set):
     * nothing is embedded, and the database's life is the caller's.
     */
    public OpenCpisApplication.Running startOnExternal(Map<String, Object> datasource, Map<String, Object> extra) {
        Map<String, Object> overrides = overrides(extra);
        overrides.putAll(datasource);
        return OpenCpisApplication.start(new StartupSettings(Map.of("OPENCPIS_DATA_DIR", dataDir.toString(),
                "DATASOURCES_DEFAULT_URL", String.valueOf(datasource.get("datasources.default.url")))), overrides);
    }

    private static Map<String, Object> overrides(Map<String, Object> extra) {
        Map<String, Object> overrides = new HashMap<>(Map.of("micronaut.server.port", "-1", "opencpis.jwt.secret", Tokens.SECRET,
                "opencpis.pds.unknown", "match", "opencpis.purge.initial-delay", "1h"));
        overrides.putAll(extra);
        return overrides;
    }
}
