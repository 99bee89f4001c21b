package org.opencpis.adapters.rest.security;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.exceptions.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.rest.shared.ErrorDialects;

class QueryRateLimitTest {

    @Test
    void aNegativeLimitStopsTheStart() {
        assertThrows(ConfigurationException.class, () -> new QueryRateLimit(-1, new ErrorDialects(List.of())));
    }
}
