package org.opencpis.application.cohort.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opencpis.application.shared.outbox.OutboxRelay;
import org.opencpis.domain.cohort.Cohort;
import org.opencpis.domain.cohort.CohortId;
import org.opencpis.domain.cohort.Criterion;
import org.opencpis.domain.plan.ProtectionRecord;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/**
 * Cohort definitions, where each record places its child, the members of each cohort, the log of
 * their changes (joiners and leavers, numbered by an increasing cursor), and the outbox of pushing
 * those changes to each cohort's owner. Every method joins the caller's transaction.
 *
 * <p>Consistency of the change log: membership writers take {@link #lockPeople} and then
 * {@link #lockForChange} on the cohorts they change (in id order); readers take
 * {@link #findForRead}, which waits for writers of that cohort. So a reader never sees a cursor
 * beyond a change that is not yet committed, and no change is lost or reported twice.
 */
public interface Cohorts {

    /** Creates or replaces the cohort's definition; its members and change log are kept. Returns whether it was created. */
    boolean save(Cohort cohort, Instant at);

    Optional<Cohort> find(CohortId id);

    /** The cohort, locked against membership changes until the transaction ends (a shared lock: readers do not wait for each other). */
    Optional<Cohort> findForRead(CohortId id);

    /** The cohorts having any of the criteria, with all their criteria. */
    List<Cohort> havingAny(Collection<Criterion> criteria);

    /**
     * Serialises membership changes of these people until the transaction ends. The people are locked
     * in NHS number order, so that two writers of overlapping people cannot deadlock on each other.
     */
    void lockPeople(Collection<NhsNumber> nhsNumbers);

    /** Locks the cohorts for a membership change until the transaction ends, in id order. */
    void lockForChange(Collection<CohortId> ids);

    /** The cohorts each of these people is a member of; people who are members of none are left out. */
    Map<NhsNumber, Set<CohortId>> memberships(Collection<NhsNumber> nhsNumbers);

    /**
     * Makes each joiner a member and ends each leaver's membership, logging the moves in the order
     * given (their cursors increase in that order). A joiner must not be a member, a leaver must be one.
     */
    void move(List<Move> moves, Instant at);

    /** The cohort's members, in NHS number order. */
    List<NhsNumber> members(CohortId id);

    /** The cursor of the cohort's latest change, or 0 when it has none. */
    long latestCursor(CohortId id);

    /** The cohort's changes after {@code cursor}, oldest first. */
    List<MembershipChange> changesSince(CohortId id, long cursor);

    /** Records where each record (by id) places its child, replacing what was recorded for it before. */
    void place(Map<UUID, Set<Criterion>> placements);

    /** As {@link #place}, for records just created: nothing was recorded for them, so there is nothing to replace. */
    void placeNew(Map<UUID, Set<Criterion>> placements);

    /** The current (not withdrawn) records of these people, each with where it places its child. */
    List<PlacedRecord> placedRecords(Collection<NhsNumber> nhsNumbers);

    /** The people with a current record placed by any of the criteria. */
    Set<NhsNumber> placedBy(Collection<Criterion> criteria);

    /** Claims up to {@code limit} cohorts with changes not yet pushed, due at {@code now}, for {@code lease}. */
    List<OutboxRelay.Claim<PushDue>> claimDuePushes(Instant now, Duration lease, int limit);

    /** The owner has been sent the changes up to {@code cursor}. */
    void markPushed(CohortId id, long cursor, Instant at);

    /** Releases the push claim and makes the cohort's push due again at {@code dueAt}. */
    void retryPushLater(CohortId id, Instant dueAt);

    /** A person joining ({@code joins}) or leaving a cohort. */
    record Move(CohortId id, NhsNumber nhsNumber, boolean joins) {
    }

    /** One joiner or leaver, with its cursor. */
    record MembershipChange(long cursor, NhsNumber nhsNumber, boolean joined) {
    }

    /** A current record and where it places its child. */
    record PlacedRecord(ProtectionRecord record, Set<Criterion> placement) {
    }

    /** A cohort whose changes after {@code pushedCursor} are to be pushed to its owner. */
    record PushDue(CohortId id, OdsCode owner, long pushedCursor) {
    }
}
