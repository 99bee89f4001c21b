package org.opencpis.application.upload.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.application.shared.StoreUnavailable;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.application.testing.LineUploadFormats.Builder;
import org.opencpis.application.testing.RecordingSpineMessaging.SentAcknowledgement;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.upload.FileStatus;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.UploadAcknowledgement;

class UploadAcknowledgementRelayTest {
    private final UploadFixture f = new UploadFixture();

    @Test
    void anAnsweredUploadIsAcknowledgedToItsLasMailboxOnceWithEveryRecord() {
        Builder file = Builder.json(3);
        UploadFixture.nhsNumbers(1, StoredResults.PAGE + 5).forEach(file::cpp);
        UUID id = f.submit(ISLINGTON, file);
        assertEquals(0, f.relay.deliverDue(), "nothing before it is answered");
        f.processor().processPending();

        assertEquals(1, f.relay.deliverDue());
        assertEquals(0, f.relay.deliverDue());
        f.clock.advance(Duration.ofDays(1));
        assertEquals(0, f.relay.deliverDue());

        List<SentAcknowledgement> sent = f.messaging.acknowledgements();
        assertEquals(1, sent.size());
        assertEquals(id, sent.get(0).acknowledgement().uploadId());
        assertEquals(FileStatus.CPF02, sent.get(0).acknowledgement().fileStatus());
        assertEquals(ISLINGTON, sent.get(0).recipient().odsCode());
        assertEquals(StoredResults.PAGE + 5, sent.get(0).records().size(), "read across pages");
        assertEquals(f.results(ISLINGTON, id), sent.get(0).records());
    }

    @Test
    void aRepeatIsAcknowledgedWithTheEarlierRecordsUnderItsOwnId() {
        f.submit(ISLINGTON, Builder.json(3).cpp(TestData.nhsNumber(1).value()));
        f.processor().processPending();
        f.clock.advance(Duration.ofSeconds(1));
        UUID repeat = f.submit(ISLINGTON, Builder.json(3).cpp(TestData.nhsNumber(2).value()));
        f.processor().processPending();

        assertEquals(2, f.relay.deliverDue());

        SentAcknowledgement second = f.messaging.acknowledgements().stream()
                .filter(sent -> sent.acknowledgement().uploadId().equals(repeat)).findFirst().orElseThrow();
        assertEquals(List.of(TestData.nhsNumber(1).value()), second.records().stream().map(RecordResult::nhsNumber).toList());
    }

    @Test
    void anAcknowledgementThatCannotBeSentIsRetriedWithBackOff() {
        f.submit(ISLINGTON, Builder.json(3).cpp(TestData.nhsNumber(1).value()));
        f.processor().processPending();
        f.messaging.failNext(2);

        assertEquals(0, f.relay.deliverDue());
        assertEquals(0, f.relay.deliverDue(), "not due again at once");
        f.clock.advance(UploadAcknowledgementRelay.backOff(1));
        assertEquals(0, f.relay.deliverDue());
        f.clock.advance(UploadAcknowledgementRelay.backOff(2));
        assertEquals(1, f.relay.deliverDue());

        assertEquals(2, f.messaging.refused());
        assertEquals(1, f.messaging.acknowledgements().size());
        assertEquals(Duration.ofHours(1), UploadAcknowledgementRelay.backOff(40));
    }

    @Test
    void anAcknowledgementSentButNotRecordedIsRecordedLaterAndNeverSentAgain() {
        UUID id = f.submit(ISLINGTON, Builder.json(3).cpp(TestData.nhsNumber(1).value()));
        f.processor().processPending();
        boolean[] databaseDown = {false};
        Transactions flaky = new Transactions() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                if (databaseDown[0]) {
                    throw new StoreUnavailable("the database cannot be reached", null);
                }
                return work.get();
            }
        };
        SpineMessaging thenTheDatabaseGoes = new SpineMessaging() {
            @Override
            public void sendAccessNotification(AccessNotification notification, Organisation recipient) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void sendUploadAcknowledgement(UploadAcknowledgement acknowledgement, Iterable<RecordResult> records,
                                                  Organisation recipient) {
                f.messaging.sendUploadAcknowledgement(acknowledgement, records, recipient);
                databaseDown[0] = true;
            }
        };
        UploadAcknowledgementRelay relay = new UploadAcknowledgementRelay(f.uploads, f.results, f.organisations,
                thenTheDatabaseGoes, flaky, f.clock);

        assertEquals(0, relay.deliverDue(), "sent, but the database went away before it was recorded");
        assertEquals(1, f.messaging.acknowledgements().size());
        databaseDown[0] = false;
        f.clock.advance(UploadAcknowledgementRelay.LEASE);
        relay.deliverDue();
        f.clock.advance(UploadAcknowledgementRelay.LEASE);
        assertEquals(0, relay.deliverDue(), "recorded: nothing is due any more");

        assertEquals(1, f.messaging.acknowledgements().size(), "not sent again");
        assertEquals(id, f.messaging.acknowledgements().get(0).acknowledgement().uploadId());
    }

    @Test
    void noSendStartsAfterTheClaimsBudgetIsSpent() {
        f.submit(ISLINGTON, Builder.json(3).cpp(TestData.nhsNumber(1).value()));
        f.submit(ISLINGTON, Builder.json(4).cpp(TestData.nhsNumber(2).value()));
        f.processor().processPending();
        UploadAcknowledgementRelay slow = new UploadAcknowledgementRelay(f.uploads, f.results, f.organisations,
                new SpineMessaging() {
                    @Override
                    public void sendAccessNotification(AccessNotification notification, Organisation recipient) {
                    }

                    @Override
                    public void sendUploadAcknowledgement(UploadAcknowledgement acknowledgement, Iterable<RecordResult> records,
                                                          Organisation recipient) {
                        f.clock.advance(UploadAcknowledgementRelay.LEASE.minus(UploadAcknowledgementRelay.SEND_BUDGET)
                                .plusSeconds(1));
                        f.messaging.sendUploadAcknowledgement(acknowledgement, records, recipient);
                    }
                }, f.transactions, f.clock);

        assertEquals(1, slow.deliverDue(), "the second was released, not sent");
        assertEquals(1, f.relay.deliverDue(), "and is due again at once");
        assertEquals(2, f.messaging.acknowledgements().size());
    }
}
