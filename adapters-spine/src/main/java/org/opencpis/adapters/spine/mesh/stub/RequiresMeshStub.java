package org.opencpis.adapters.spine.mesh.stub;

import io.micronaut.context.annotation.Requires;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The MESH stub's beans exist only while no real MESH server is configured
 * ({@code opencpis.mesh.url}, env {@code OPENCPIS_MESH_URL}) and a database is
 * ({@code datasources.default.url}: the stub keeps its mailboxes in PostgreSQL).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Requires(missingProperty = MeshStubSettings.MESH_URL)
@Requires(property = "datasources.default.url")
public @interface RequiresMeshStub {
}
