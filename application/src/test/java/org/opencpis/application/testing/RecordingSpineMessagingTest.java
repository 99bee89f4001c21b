package org.opencpis.application.testing;

import java.util.List;
import java.util.stream.Stream;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.shared.OdsCode;

class RecordingSpineMessagingTest extends SpineMessagingOutageContractTest {
    private final RecordingSpineMessaging messaging = new RecordingSpineMessaging();
    private int recipients;

    @Override
    protected SpineMessaging messaging() {
        return messaging;
    }

    @Override
    protected SpineMessaging unreachableMessaging() {
        return new RecordingSpineMessaging().failNext(Integer.MAX_VALUE);
    }

    @Override
    protected Organisation reachableRecipient() {
        return TestData.localAuthority(new OdsCode("8" + String.format("%02d", ++recipients)));
    }

    @Override
    protected List<Received> receivedBy(Organisation recipient) {
        return Stream.of(
                        messaging.sent().stream().filter(sent -> sent.recipient().equals(recipient))
                                .map(sent -> new Received("CPIS_ASN", sent.notification().notificationId().toString(), null)),
                        messaging.acknowledgements().stream().filter(sent -> sent.recipient().equals(recipient))
                                .map(sent -> new Received("CPIS_UPLOAD_ACK", sent.acknowledgement().uploadId().toString(), null)),
                        messaging.notices().stream().filter(sent -> sent.recipient().equals(recipient))
                                .map(sent -> new Received("CPIS_INACTIVE_NHS_NUMBER", sent.notice().noticeId().toString(), null)),
                        messaging.cohortPushes().stream().filter(sent -> sent.recipient().equals(recipient))
                                .map(sent -> new Received("CPIS_COHORT", sent.changes().cohortId() + "@" + sent.changes().cursor(), null)))
                .flatMap(received -> received)
                .toList();
    }
}
