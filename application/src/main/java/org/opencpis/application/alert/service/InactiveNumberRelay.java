package org.opencpis.application.alert.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opencpis.application.alert.port.in.DeliverInactiveNumberNoticesUseCase;
import org.opencpis.application.alert.port.out.InactiveNumberNotices;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.shared.outbox.OutboxRelay;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.alert.InactiveNumberNotice;
import org.opencpis.domain.organisation.Organisation;

/** The outbox relay of Inactive NHS Number Notifications, timed like the notification relay. */
public final class InactiveNumberRelay implements DeliverInactiveNumberNoticesUseCase {
    private final OutboxRelay<InactiveNumberNotice> relay;

    public InactiveNumberRelay(InactiveNumberNotices notices, Organisations organisations, SpineMessaging messaging,
                               Transactions transactions, Clock clock) {
        this.relay = new OutboxRelay<>(new Notices(notices, organisations, messaging, transactions),
                new OutboxRelay.Timing(NotificationRelay.LEASE, NotificationRelay.SEND_BUDGET, NotificationRelay.BATCH),
                transactions, clock);
    }

    @Override
    public int deliverDue() {
        return relay.deliverDue();
    }

    private record Notices(InactiveNumberNotices notices, Organisations organisations, SpineMessaging messaging,
                           Transactions transactions) implements OutboxRelay.Outbox<InactiveNumberNotice> {

        @Override
        public List<OutboxRelay.Claim<InactiveNumberNotice>> claimDue(Instant now, Duration lease, int limit) {
            return notices.claimDue(now, lease, limit);
        }

        @Override
        public void send(InactiveNumberNotice notice) {
            Organisation recipient = transactions.inTransaction(() -> organisations.recipient(notice.localAuthority()));
            messaging.sendInactiveNumberNotice(notice, recipient);
        }

        @Override
        public void markDelivered(InactiveNumberNotice notice, Instant at) {
            notices.markDelivered(notice.noticeId(), at);
        }

        @Override
        public void retryLater(InactiveNumberNotice notice, Instant dueAt) {
            notices.retryLater(notice.noticeId(), dueAt);
        }

        @Override
        public String key(InactiveNumberNotice notice) {
            return notice.noticeId().toString();
        }

        @Override
        public String describe(InactiveNumberNotice notice) {
            return "Inactive NHS number notice " + key(notice);
        }
    }
}
