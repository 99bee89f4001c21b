package org.opencpis.adapters.spine.messaging;

import io.micronaut.json.JsonMapper;
import java.util.List;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.application.testing.SpineMessagingContractTest;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.shared.OdsCode;

/**
 * The in-process stand-in passes the SpineMessaging kit; it has no transport to lose, so it runs
 * the kit without the outage promise.
 */
class InProcessSpineMessagingTest extends SpineMessagingContractTest {
    private final InProcessSpineMessaging messaging = new InProcessSpineMessaging(JsonMapper.createDefault());
    private int recipients;

    @Override
    protected SpineMessaging messaging() {
        return messaging;
    }

    @Override
    protected Organisation reachableRecipient() {
        return TestData.localAuthority(new OdsCode("8" + String.format("%02d", ++recipients)));
    }

    @Override
    protected List<Received> receivedBy(Organisation recipient) {
        return messaging.sent().stream().filter(sent -> sent.mailbox().equals(recipient.meshMailboxId()))
                .map(sent -> new Received(sent.workflowId(), sent.localId(), sent.body())).toList();
    }
}
