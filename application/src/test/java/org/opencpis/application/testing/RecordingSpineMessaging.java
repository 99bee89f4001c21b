package org.opencpis.application.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opencpis.application.shared.port.out.MessagingUnavailable;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.domain.alert.AccessNotification;
import org.opencpis.domain.alert.InactiveNumberNotice;
import org.opencpis.domain.cohort.CohortChanges;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.upload.RecordResult;
import org.opencpis.domain.upload.UploadAcknowledgement;

/**
 * Spine messaging that records each message it accepts, in order, and can be told to refuse sends
 * with {@link MessagingUnavailable}: the next n of them, or every one to a given recipient. Like
 * every adapter, it refuses a recipient without a mailbox. Passes {@link SpineMessagingOutageContractTest}.
 */
public final class RecordingSpineMessaging implements SpineMessaging {
    private final List<Sent> sent = new ArrayList<>();
    private final List<SentAcknowledgement> acknowledgements = new ArrayList<>();
    private final List<SentNotice> notices = new ArrayList<>();
    private final List<SentChanges> cohortChanges = new ArrayList<>();
    private final Set<OdsCode> unreachable = new HashSet<>();
    private int failuresToCome;
    private int refused;

    /** A message accepted for delivery. */
    public record Sent(AccessNotification notification, Organisation recipient) {
    }

    /** An upload acknowledgement accepted for delivery, with its records as they were read. */
    public record SentAcknowledgement(UploadAcknowledgement acknowledgement, List<RecordResult> records,
                                      Organisation recipient) {
    }

    /** A cohort's changes accepted for delivery. */
    public record SentChanges(CohortChanges changes, Organisation recipient) {
    }

    /** An inactive NHS number notice accepted for delivery. */
    public record SentNotice(InactiveNumberNotice notice, Organisation recipient) {
    }

    @Override
    public synchronized void sendAccessNotification(AccessNotification notification, Organisation recipient) {
        refuseIfTold(recipient);
        sent.add(new Sent(notification, recipient));
    }

    @Override
    public synchronized void sendUploadAcknowledgement(UploadAcknowledgement acknowledgement, Iterable<RecordResult> records,
                                                       Organisation recipient) {
        refuseIfTold(recipient);
        List<RecordResult> read = new ArrayList<>();
        records.forEach(read::add);
        acknowledgements.add(new SentAcknowledgement(acknowledgement, List.copyOf(read), recipient));
    }

    @Override
    public synchronized void sendInactiveNumberNotice(InactiveNumberNotice notice, Organisation recipient) {
        refuseIfTold(recipient);
        notices.add(new SentNotice(notice, recipient));
    }

    @Override
    public synchronized void sendCohortChanges(CohortChanges changes, Organisation recipient) {
        refuseIfTold(recipient);
        cohortChanges.add(new SentChanges(changes, recipient));
    }

    private void refuseIfTold(Organisation recipient) {
        if (recipient.meshMailboxId() == null) {
            refused++;
            throw new MessagingUnavailable("organisation " + recipient.odsCode() + " has no mailbox yet");
        }
        if (failuresToCome > 0 || unreachable.contains(recipient.odsCode())) {
            failuresToCome = Math.max(failuresToCome - 1, 0);
            refused++;
            throw new MessagingUnavailable("test messaging refuses the send to " + recipient.odsCode());
        }
    }

    /** Refuses the next {@code sends} sends, whoever they are to. */
    public synchronized RecordingSpineMessaging failNext(int sends) {
        failuresToCome = sends;
        return this;
    }

    /** Refuses every send to the organisation until {@link #recover()}. */
    public synchronized RecordingSpineMessaging failFor(OdsCode recipient) {
        unreachable.add(recipient);
        return this;
    }

    /** Accepts every send from now on. */
    public synchronized RecordingSpineMessaging recover() {
        failuresToCome = 0;
        unreachable.clear();
        return this;
    }

    /** The accepted messages, in the order they were sent. */
    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The accepted upload acknowledgements, in the order they were sent. */
    public synchronized List<SentAcknowledgement> acknowledgements() {
        return List.copyOf(acknowledgements);
    }

    /** The accepted inactive NHS number notices, in the order they were sent. */
    public synchronized List<SentNotice> notices() {
        return List.copyOf(notices);
    }

    /** The accepted cohort pushes, in the order they were sent. */
    public synchronized List<CohortChanges> cohortChanges() {
        return cohortChanges.stream().map(SentChanges::changes).toList();
    }

    /** The accepted cohort pushes with their recipients, in the order they were sent. */
    public synchronized List<SentChanges> cohortPushes() {
        return List.copyOf(cohortChanges);
    }

    /** How many sends were refused. */
    public synchronized int refused() {
        return refused;
    }
}
