package org.opencpis.bootstrap;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.opencpis.bootstrap.support.Tokens;

/** Starts the whole service the way {@code main} does, on its own embedded PostgreSQL in {@code dataDir}, on a random port. */
public record TestStartup(Path dataDir) {

    public OpenCpisApplication.Running start(Map<String, Object> extra) {
        Map<String, Object> overrides = new HashMap<>(Map.of("micronaut.server.port", "-1", "opencpis.jwt.secret", Tokens.SECRET,
                "opencpis.pds.unknown", "match", "opencpis.purge.initial-delay", "1h"));
        overrides.putAll(extra);
        return OpenCpisApplication.start(new StartupSettings(Map.of("OPENCPIS_DATA_DIR", dataDir.toString())), overrides);
    }
}
