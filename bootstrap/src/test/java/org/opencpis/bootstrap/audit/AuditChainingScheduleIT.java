package org.opencpis.bootstrap.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.persistence.testing.TestDatabase;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.bootstrap.support.Tokens;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.ChainedAuditEntry;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;

/** The running service chains recorded audit entries by itself, without anyone reading the trail (ADR 0012). */
class AuditChainingScheduleIT {

    @Test
    void recordedEntriesAreChainedWithinTheIntervalWithoutARead() throws InterruptedException {
        Map<String, Object> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("micronaut.server.port", "-1");
        properties.put("opencpis.jwt.secret", Tokens.SECRET);
        properties.put("opencpis.purge.initial-delay", "1h");
        properties.put("opencpis.relay.enabled", "false");
        properties.put("opencpis.audit.chain-interval", "200ms");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            AuditTrail audit = context.getBean(AuditTrail.class);
            Transactions transactions = context.getBean(Transactions.class);
            List<AuditEntry> recorded = List.of(entry(1), entry(2), entry(3));
            transactions.run(() -> audit.appendAll(recorded));

            List<ChainedAuditEntry> chained = new ArrayList<>();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (chained.size() < recorded.size() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                chained.clear();
                transactions.run(() -> audit.forEachInSequence(chained::add));
            }

            assertEquals(recorded, chained.stream().map(ChainedAuditEntry::entry).toList());
            assertTrue(chained.stream().allMatch(ChainedAuditEntry::isIntact));
            assertEquals(new AuditTrail.Head(3, chained.get(2).hash()), transactions.inTransaction(audit::head));
        }
    }

    private static AuditEntry entry(int n) {
        return new AuditEntry(Instant.parse("2025-03-10T10:00:00Z").plusSeconds(n), Actor.system("schedule-test"),
                "PLAN_READ:CPP", new NhsNumber("9434765919"), "req-" + n, "FOUND");
    }
}
