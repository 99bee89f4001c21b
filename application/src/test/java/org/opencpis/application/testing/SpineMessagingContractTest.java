package org.opencpis.application.testing;

import org.opencpis.domain.cohort.CohortMember;
import org.opencpis.domain.cohort.CohortId;
import org.opencpis.domain.cohort.CohortChanges;
import org.opencpis.domain.alert.InactiveNumberNotice;
import java.time.LocalDate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencpis.application.shared.port.out.MessagingUnavailable;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.upload.FileStatus;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.SequenceNumber;
import org.opencpis.domain.upload.UploadAcknowledgement;

/**
 * What every {@link SpineMessaging} must do, for every kind of message it sends: the recipient
 * receives the message in its own mailbox, under the kind's workflow and with the message's
 * idempotency key as its local id; a repeat send carries the same local id, so the recipient can
 * recognise it; nobody else receives it; and a recipient without a mailbox is
 * {@link MessagingUnavailable} (retry later), never a silent drop. Adapters that can lose their
 * transport run {@link SpineMessagingOutageContractTest} as well.
 *
 * <p>Every test runs once per {@link #messageKinds() message kind}. A new send method on the port
 * needs one more {@link Message} factory there, and every adapter is held to it at once.
 */
public abstract class SpineMessagingContractTest {
    private static int counter;

    /** One message as the recipient sees it. {@code body} is null for adapters that do not serialise messages. */
    public record Received(String workflow, String localId, String body) {
    }

    /**
     * One message to send: the workflow it travels under, its idempotency key, values its body must
     * carry (for adapters that write one), and how to send it.
     */
    public record Message(String workflow, String localId, List<String> bodyCarries, BiConsumer<SpineMessaging, Organisation> send) {
        public void sendWith(SpineMessaging messaging, Organisation recipient) {
            send.accept(messaging, recipient);
        }
    }

    /** The adapter under test. */
    protected abstract SpineMessaging messaging();

    /** A local authority whose mailbox exists and can receive, for this test only. */
    protected abstract Organisation reachableRecipient();

    /** Every message the recipient's mailbox holds, in the order received. */
    protected abstract List<Received> receivedBy(Organisation recipient);

    /** The kinds of message the port sends: one factory per send method. */
    protected static Stream<Named<Kind>> messageKinds() {
        return Stream.of(
                Named.of("access notification (CPIS_ASN)", SpineMessagingContractTest::accessNotification),
                Named.of("upload acknowledgement (CPIS_UPLOAD_ACK)", SpineMessagingContractTest::uploadAcknowledgement),
                Named.of("inactive NHS number notice (CPIS_INACTIVE_NHS_NUMBER)", SpineMessagingContractTest::inactiveNumberNotice),
                Named.of("cohort changes (CPIS_COHORT)", SpineMessagingContractTest::cohortChanges));
    }

    /** Makes a new message of one kind, addressed to the recipient's local authority. */
    @FunctionalInterface
    public interface Kind {
        Message next(OdsCode localAuthority);
    }

    private static synchronized int next() {
        return ++counter;
    }

    static Message accessNotification(OdsCode localAuthority) {
        NhsNumber child = TestData.nhsNumber(500 + next());
        AccessNotification notification = new AccessNotification(UUID.randomUUID(), localAuthority, PlanType.CPP,
                TestData.access(UUID.randomUUID(), child, Instant.parse("2026-03-01T09:30:00Z")), null);
        return new Message("CPIS_ASN", notification.notificationId().toString(), List.of(child.value(), "CPP"),
                (messaging, recipient) -> messaging.sendAccessNotification(notification, recipient));
    }

    static Message uploadAcknowledgement(OdsCode localAuthority) {
        UUID upload = UUID.randomUUID();
        NhsNumber first = TestData.nhsNumber(600 + next());
        NhsNumber second = TestData.nhsNumber(700 + next());
        UploadAcknowledgement acknowledgement = new UploadAcknowledgement(upload, upload, localAuthority,
                new SequenceNumber(40 + next()), FileStatus.CPF03, 2, 1, null);
        List<RecordResult> records = List.of(
                new RecordResult(0, first.value(), "CPP", RecordOutcome.CPR06, "CREATED"),
                new RecordResult(1, second.value(), "LAC", RecordOutcome.CPR03, "NHS number not verified"));
        return new Message("CPIS_UPLOAD_ACK", upload.toString(), List.of("CPF03", first.value(), second.value(), "CPR03"),
                (messaging, recipient) -> messaging.sendUploadAcknowledgement(acknowledgement, records, recipient));
    }

    static Message inactiveNumberNotice(OdsCode localAuthority) {
        NhsNumber old = TestData.nhsNumber(800 + next());
        NhsNumber replacement = TestData.nhsNumber(900 + next());
        InactiveNumberNotice notice = new InactiveNumberNotice(UUID.randomUUID(), localAuthority, old, replacement,
                List.of(new InactiveNumberNotice.HeldRecord(PlanType.CPP, "CASE-" + next())), Instant.parse("2026-03-01T09:30:00Z"));
        return new Message("CPIS_INACTIVE_NHS_NUMBER", notice.noticeId().toString(), List.of(old.value(), replacement.value()),
                (messaging, recipient) -> messaging.sendInactiveNumberNotice(notice, recipient));
    }

    static Message cohortChanges(OdsCode owner) {
        NhsNumber joiner = TestData.nhsNumber(1000 + next());
        NhsNumber leaver = TestData.nhsNumber(1100 + next());
        CohortMember member = new CohortMember(joiner, "Smith", List.of("Jane"), LocalDate.of(2015, 4, 1), PlanType.CPP,
                LocalDate.of(2026, 1, 10), null, TestData.localAuthority(TestData.ISLINGTON), List.of("schoolUrn:100001"));
        CohortChanges changes = new CohortChanges(new CohortId("kit-" + next()), List.of(member), List.of(leaver), 10 + next());
        return new Message("CPIS_COHORT", changes.cohortId() + "@" + changes.cursor(), List.of(joiner.value(), leaver.value()),
                (messaging, recipient) -> messaging.sendCohortChanges(changes, recipient));
    }

    private List<Received> receivedUnder(Organisation recipient, Message message) {
        return receivedBy(recipient).stream().filter(received -> received.localId().equals(message.localId())).toList();
    }

    @ParameterizedTest
    @MethodSource("messageKinds")
    void theRecipientReceivesTheMessageUnderItsWorkflowAndKey(Kind kind) {
        Organisation recipient = reachableRecipient();
        Message message = kind.next(recipient.odsCode());

        message.sendWith(messaging(), recipient);

        List<Received> received = receivedUnder(recipient, message);
        assertEquals(1, received.size(), () -> "received " + receivedBy(recipient));
        assertEquals(message.workflow(), received.get(0).workflow());
        String body = received.get(0).body();
        if (body != null) {
            message.bodyCarries().forEach(value -> assertTrue(body.contains(value), () -> "the body lacks " + value + ": " + body));
        }
    }

    @ParameterizedTest
    @MethodSource("messageKinds")
    void aRepeatCarriesTheSameKeyAndAnotherMessageItsOwn(Kind kind) {
        Organisation recipient = reachableRecipient();
        Message message = kind.next(recipient.odsCode());
        Message another = kind.next(recipient.odsCode());

        message.sendWith(messaging(), recipient);
        message.sendWith(messaging(), recipient);
        another.sendWith(messaging(), recipient);

        List<Received> all = receivedBy(recipient);
        List<Received> repeats = receivedUnder(recipient, message);
        assertFalse(repeats.isEmpty(), () -> "received " + all);
        repeats.forEach(received -> assertEquals(message.workflow(), received.workflow()));
        assertEquals(1, receivedUnder(recipient, another).size(), () -> "received " + all);
        assertNotEquals(message.localId(), another.localId());
        assertEquals(all.size(), repeats.size() + 1, () -> "only the repeat and the other message arrived: " + all);
    }

    @ParameterizedTest
    @MethodSource("messageKinds")
    void nobodyElseReceivesIt(Kind kind) {
        Organisation recipient = reachableRecipient();
        Organisation bystander = reachableRecipient();

        kind.next(recipient.odsCode()).sendWith(messaging(), recipient);

        assertEquals(1, receivedBy(recipient).size());
        assertEquals(List.of(), receivedBy(bystander));
    }

    @ParameterizedTest
    @MethodSource("messageKinds")
    void aRecipientWithoutAMailboxIsUnavailableNotDropped(Kind kind) {
        Organisation reachable = reachableRecipient();
        Organisation withoutMailbox = new Organisation(reachable.odsCode(), reachable.name(), reachable.type(),
                reachable.emergencyDutyPhone(), reachable.officeHoursPhone(), null, null);
        Message message = kind.next(reachable.odsCode());

        assertThrows(MessagingUnavailable.class, () -> message.sendWith(messaging(), withoutMailbox));

        assertEquals(List.of(), receivedBy(reachable));
    }
}
