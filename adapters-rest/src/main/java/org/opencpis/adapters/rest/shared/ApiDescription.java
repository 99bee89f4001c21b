package org.opencpis.adapters.rest.shared;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI description generated at build time and served at {@code /openapi/opencpis-0.1.yml}. */
@OpenAPIDefinition(
        info = @Info(title = "OpenCPIS", version = "0.1",
                description = "Child Protection - Information Sharing: local authorities' records, the audit trail and operations.",
                license = @License(name = "Open source")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class ApiDescription {
    private ApiDescription() {
    }
}
