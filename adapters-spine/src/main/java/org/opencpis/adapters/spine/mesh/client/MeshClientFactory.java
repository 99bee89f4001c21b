package org.opencpis.adapters.spine.mesh.client;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * OpenCPIS's MESH client: to {@code opencpis.mesh.url} when set, otherwise to this service's own
 * built-in MESH stub over loopback HTTP — the same client either way. Credentials:
 * {@code opencpis.mesh.mailbox}, {@code opencpis.mesh.password}, {@code opencpis.mesh.shared-key}
 * (development defaults match the stub's). Each request times out after
 * {@code opencpis.mesh.request-timeout} (default 20 s) and is then retried like a 503.
 */
@Factory
public class MeshClientFactory {

    @Singleton
    MeshClient meshClient(@Nullable @Value("${opencpis.mesh.url:}") String url,
                          @Value("${opencpis.mesh.mailbox:OPENCPIS}") String mailbox,
                          @Value("${opencpis.mesh.password:password}") String password,
                          @Value("${opencpis.mesh.shared-key:TestKey}") String sharedKey,
                          @Value("${opencpis.mesh.request-timeout:20s}") Duration requestTimeout,
                          BeanProvider<EmbeddedServer> server, Clock clock) {
        URI base = url == null || url.isBlank() ? null : URI.create(url.endsWith("/") ? url : url + "/");
        return new MeshClient(() -> base != null ? base : server.get().getURI(),
                new MeshCredentials(mailbox.strip().toUpperCase(java.util.Locale.ROOT), password, sharedKey), clock,
                RetryPolicy.standard().withRequestTimeout(requestTimeout));
    }
}
