package org.opencpis.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the database holds for each querying clinician of a {@link QueryBurst}: access events,
 * notifications, the distinct LAs notified, and how many are delivered. Read with the test's own
 * connection, after the fact.
 */
record Ledger(long events, long notifications, long localAuthorities, long delivered) {

    static Map<String, Ledger> read(Connection connection, String subjectPrefix) throws SQLException {
        Map<String, Ledger> bySubject = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT e.accessor_subject, count(DISTINCT e.id), count(n.notification_id), count(DISTINCT n.la_ods_code),
                       count(n.delivered_at)
                FROM access_event e LEFT JOIN access_notification n ON n.access_event_id = e.id
                WHERE e.accessor_subject LIKE ? GROUP BY e.accessor_subject""")) {
            statement.setString(1, subjectPrefix + "%");
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    bySubject.put(row.getString(1), new Ledger(row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)));
                }
            }
        }
        return bySubject;
    }

    /**
     * Every query answered 200 with records left exactly one access event and exactly one
     * notification per responsible LA; a query answered otherwise left none, or (when its commit
     * was in doubt: the answer was lost or the database went away during the commit) one complete
     * set; no access event belongs to a query that was not made.
     *
     * @return how many queries not answered 200 were nevertheless recorded (in doubt, but complete)
     */
    static int assertEveryAnsweredQueryNotifiedOnce(List<QueryBurst.Outcome> outcomes, Map<String, Ledger> ledger,
                                                    int localAuthorities) {
        Set<String> asked = outcomes.stream().map(QueryBurst.Outcome::subject).collect(Collectors.toSet());
        assertTrue(asked.containsAll(ledger.keySet()), "access events of queries never made");
        Ledger once = new Ledger(1, localAuthorities, localAuthorities, 0);
        int inDoubt = 0;
        for (QueryBurst.Outcome outcome : outcomes) {
            Ledger held = ledger.get(outcome.subject());
            if (outcome.answeredWithRecords()) {
                assertTrue(held != null, "query " + outcome.subject() + " was answered 200 but no access was recorded");
                assertEquals(once, held.withoutDelivery(), "query " + outcome.subject() + " answered 200");
            } else if (held != null) {
                inDoubt++;
                assertEquals(once, held.withoutDelivery(), "query " + outcome.subject() + " answered " + outcome.status());
            }
        }
        return inDoubt;
    }

    private Ledger withoutDelivery() {
        return new Ledger(events, notifications, localAuthorities, 0);
    }
}
