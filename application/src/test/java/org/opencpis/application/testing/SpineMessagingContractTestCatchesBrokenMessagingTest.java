package org.opencpis.application.testing;

import org.opencpis.domain.cohort.CohortChanges;
import org.opencpis.domain.alert.InactiveNumberNotice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencpis.application.shared.port.out.MessagingUnavailable;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.UploadAcknowledgement;

/** The SpineMessaging kit passes the recording fake and fails deliberately broken messaging, on the promise each breaks. */
class SpineMessagingContractTestCatchesBrokenMessagingTest {

    @Test
    void theKitPassesTheRecordingFake() {
        KitRun run = KitRun.of(RecordingSpineMessagingTest.class);
        assertEquals(List.of(), run.failed());
        assertEquals(20, run.passed().size(), () -> "five promises for each of four message kinds: " + run.passed());
    }

    @Test
    void aFreshLocalIdOnEverySendIsCaught() {
        KitRun run = KitRun.of(FreshIdsRun.class);
        assertTrue(run.failed().contains("theRecipientReceivesTheMessageUnderItsWorkflowAndKey"), () -> "failed " + run.failed());
        assertTrue(run.failed().contains("aRepeatCarriesTheSameKeyAndAnotherMessageItsOwn"), () -> "failed " + run.failed());
    }

    @Test
    void messagingThatCannotCarryAcknowledgementsIsCaught() {
        KitRun run = KitRun.of(NoAcknowledgementsRun.class);
        assertEquals(List.of("aRepeatCarriesTheSameKeyAndAnotherMessageItsOwn", "nobodyElseReceivesIt",
                "theRecipientReceivesTheMessageUnderItsWorkflowAndKey"), run.failed());
    }

    @Test
    void droppingAMessageForARecipientWithoutAMailboxIsCaught() {
        KitRun run = KitRun.of(DropsWithoutMailboxRun.class);
        assertEquals(java.util.Collections.nCopies(4, "aRecipientWithoutAMailboxIsUnavailableNotDropped"), run.failed());
    }

    /** Messages as (recipient mailbox, workflow, local id), with a flaw chosen by the subclass. */
    abstract static class ListMessaging implements SpineMessaging {
        final List<String[]> sent = new ArrayList<>();

        String localId(String key) {
            return key;
        }

        void deliver(Organisation recipient, String workflow, String key) {
            if (recipient.meshMailboxId() == null) {
                throw new MessagingUnavailable("no mailbox");
            }
            sent.add(new String[] {recipient.meshMailboxId(), workflow, localId(key)});
        }

        @Override
        public void sendAccessNotification(AccessNotification notification, Organisation recipient) {
            deliver(recipient, "CPIS_ASN", notification.notificationId().toString());
        }

        @Override
        public void sendUploadAcknowledgement(UploadAcknowledgement acknowledgement, Iterable<RecordResult> records,
                                              Organisation recipient) {
            deliver(recipient, "CPIS_UPLOAD_ACK", acknowledgement.uploadId().toString());
        }

        @Override
        public void sendInactiveNumberNotice(InactiveNumberNotice notice, Organisation recipient) {
            deliver(recipient, "CPIS_INACTIVE_NHS_NUMBER", notice.noticeId().toString());
        }

        @Override
        public void sendCohortChanges(CohortChanges changes, Organisation recipient) {
            deliver(recipient, "CPIS_COHORT", changes.cohortId() + "@" + changes.cursor());
        }
    }

    abstract static class ListMessagingRun extends SpineMessagingContractTest {
        private final ListMessaging messaging = create();
        private int recipients;

        abstract ListMessaging create();

        @Override
        protected SpineMessaging messaging() {
            return messaging;
        }

        @Override
        protected Organisation reachableRecipient() {
            return TestData.localAuthority(new OdsCode("9" + String.format("%02d", ++recipients)));
        }

        @Override
        protected List<Received> receivedBy(Organisation recipient) {
            return messaging.sent.stream().filter(message -> message[0].equals(recipient.meshMailboxId()))
                    .map(message -> new Received(message[1], message[2], null)).toList();
        }
    }

    /** Broken: a new local id on every send, so a repeat cannot be recognised. */
    static class FreshIdsRun extends ListMessagingRun {
        @Override
        ListMessaging create() {
            return new ListMessaging() {
                @Override
                String localId(String key) {
                    return UUID.randomUUID().toString();
                }
            };
        }
    }

    /** Broken: never overrides sendUploadAcknowledgement, so acknowledgements are refused forever. */
    static class NoAcknowledgementsRun extends ListMessagingRun {
        @Override
        ListMessaging create() {
            return new ListMessaging() {
                @Override
                public void sendUploadAcknowledgement(UploadAcknowledgement acknowledgement, Iterable<RecordResult> records,
                                                      Organisation recipient) {
                    SpineMessaging refusing = (notification, to) -> { };
                    refusing.sendUploadAcknowledgement(acknowledgement, records, recipient);
                }
            };
        }
    }

    /** Broken: silently drops a message for a recipient without a mailbox. */
    static class DropsWithoutMailboxRun extends ListMessagingRun {
        @Override
        ListMessaging create() {
            return new ListMessaging() {
                @Override
                void deliver(Organisation recipient, String workflow, String key) {
                    if (recipient.meshMailboxId() != null) {
                        super.deliver(recipient, workflow, key);
                    }
                }
            };
        }
    }
}
