package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencpis.application.shared.port.out.MessagingUnavailable;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.domain.organisation.Organisation;

/**
 * {@link SpineMessagingContractTest} plus what the outboxes rely on when the transport is down:
 * the send throws {@link MessagingUnavailable}, so the message stays in its outbox and is retried,
 * and nothing is delivered.
 */
public abstract class SpineMessagingOutageContractTest extends SpineMessagingContractTest {

    /**
     * The adapter as it is when its transport cannot be reached (server down, refusing, throttling
     * beyond its retries); the recipient's mailbox is still readable through {@link #receivedBy}.
     */
    protected abstract SpineMessaging unreachableMessaging();

    @ParameterizedTest
    @MethodSource("messageKinds")
    void anUnreachableTransportIsUnavailable(Kind kind) {
        Organisation recipient = reachableRecipient();
        SpineMessaging down = unreachableMessaging();

        assertThrows(MessagingUnavailable.class, () -> kind.next(recipient.odsCode()).sendWith(down, recipient));

        assertEquals(List.of(), receivedBy(recipient));
    }
}
