package org.opencpis.bootstrap.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.opencpis.adapters.spine.mesh.client.InboundMessage;
import org.opencpis.adapters.spine.mesh.client.MeshClient;

/** An LA's MESH mailbox as its system reads it: waits for a message of a workflow, collects and acknowledges it. */
public final class LaMailbox {
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private LaMailbox() {
    }

    /** Waits up to 60 s for a message of the workflow, downloads it, acknowledges it and returns its JSON body. */
    public static Map<String, Object> collect(MeshClient la, String workflow) throws IOException {
        return collect(la, workflow, body -> true);
    }

    /** As {@link #collect(MeshClient, String)}, for the first message of the workflow whose body passes {@code wanted}. */
    public static Map<String, Object> collect(MeshClient la, String workflow, Predicate<Map<String, Object>> wanted)
            throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            for (String id : la.inbox()) {
                try (InboundMessage message = la.download(id)) {
                    if (workflow.equals(message.workflowId())) {
                        Map<String, Object> body;
                        try (InputStream content = message.open()) {
                            body = JSON.readValue(content.readAllBytes(), Argument.mapOf(String.class, Object.class));
                        }
                        if (wanted.test(body)) {
                            la.acknowledge(id);
                            return body;
                        }
                    }
                }
            }
            pause();
        }
        throw new AssertionError("no " + workflow + " message arrived within 60 s");
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
