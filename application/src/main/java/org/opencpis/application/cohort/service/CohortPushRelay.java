package org.opencpis.application.cohort.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.domain.cohort.CohortChanges;
import org.opencpis.application.cohort.port.in.DeliverCohortPushesUseCase;
import org.opencpis.application.cohort.port.out.Cohorts;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.shared.outbox.OutboxRelay;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.cohort.Cohort;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.OdsCode;

/**
 * Pushes cohort changes to their owners through an {@link OutboxRelay}: the outbox is each
 * cohort's change log beyond the cursor last pushed. A claim reads the netted changes; a send
 * delivers them (nothing is sent when they net to nothing); delivery advances the pushed cursor
 * and audits each child disclosed, in one transaction. A failed send is retried with the same
 * idempotency key (cohort and cursor) after a back-off.
 */
public final class CohortPushRelay implements DeliverCohortPushesUseCase {
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration SEND_BUDGET = Duration.ofMinutes(1);
    static final int BATCH = 50;
    private static final RequestContext PUSHER = new RequestContext(Actor.system("cohort-push"), null);

    private final OutboxRelay<Push> relay;

    public CohortPushRelay(Cohorts cohorts, CohortService reads, Organisations organisations, SpineMessaging messaging,
                           Transactions transactions, Clock clock) {
        this.relay = new OutboxRelay<>(new Pushes(cohorts, reads, organisations, messaging, transactions),
                new OutboxRelay.Timing(LEASE, SEND_BUDGET, BATCH), transactions, clock);
    }

    @Override
    public int deliverDue() {
        return relay.deliverDue();
    }

    /** One claimed push: the cohort, its owner and the changes after the cursor last pushed. */
    record Push(Cohort cohort, OdsCode owner, CohortChanges changes) {
    }

    private record Pushes(Cohorts cohorts, CohortService reads, Organisations organisations, SpineMessaging messaging,
                          Transactions transactions) implements OutboxRelay.Outbox<Push> {

        @Override
        public List<OutboxRelay.Claim<Push>> claimDue(Instant now, Duration lease, int limit) {
            List<OutboxRelay.Claim<Push>> claims = new ArrayList<>();
            for (OutboxRelay.Claim<Cohorts.PushDue> claim : cohorts.claimDuePushes(now, lease, limit)) {
                Cohorts.PushDue due = claim.message();
                cohorts.findForRead(due.id()).ifPresent(cohort -> claims.add(new OutboxRelay.Claim<>(
                        new Push(cohort, due.owner(), reads.changesSince(cohort, OptionalLong.of(due.pushedCursor()))),
                        claim.attempt())));
            }
            return claims;
        }

        @Override
        public void send(Push push) {
            if (push.changes().isEmpty()) {
                return;
            }
            Organisation owner = transactions.inTransaction(() -> organisations.recipient(push.owner()));
            messaging.sendCohortChanges(push.changes(), owner);
        }

        @Override
        public void markDelivered(Push push, Instant at) {
            cohorts.markPushed(push.cohort().id(), push.changes().cursor(), at);
            if (!push.changes().isEmpty()) {
                reads.audited(PUSHER, push.cohort(), "COHORT_PUSH:", push.changes());
            }
        }

        @Override
        public void retryLater(Push push, Instant dueAt) {
            cohorts.retryPushLater(push.cohort().id(), dueAt);
        }

        @Override
        public String key(Push push) {
            return push.cohort().id() + "@" + push.changes().cursor();
        }

        @Override
        public String describe(Push push) {
            return "Changes of cohort " + key(push);
        }
    }
}
