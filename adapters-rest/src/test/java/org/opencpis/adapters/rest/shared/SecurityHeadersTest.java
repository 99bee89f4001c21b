package org.opencpis.adapters.rest.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityHeadersTest {

    @ParameterizedTest(name = "{0}: UI {1}, cacheable {2}")
    @CsvSource({
            "/openapi-ui/index.html, true, true",
            "/openapi-ui, true, true",
            "/openapi-ui/, true, true",
            "/openapi/opencpis-0.1.yml, false, true",
            "/openapi-assets/swagger-ui-bundle.js, false, true",
            "/openapi-uix/index.html, false, false",
            "/openapi-ui/../api/v1/plans, true, false",
            "/api/v1/plans, false, false",
            "/api/v1/openapi-ui/x, false, false",
            "/FHIR/R4/CareTeam, false, false",
            "/health, false, false",
            "/messageexchange/X26OT001/inbox, false, false",
    })
    void onlyTheApiBrowserGetsItsOwnPolicyAndOnlyDataFreePathsAreCacheable(String path, boolean ui, boolean cacheable) {
        assertEquals(ui, SecurityHeaders.isUi(path));
        assertEquals(cacheable, SecurityHeaders.isCacheable(path));
    }
}
