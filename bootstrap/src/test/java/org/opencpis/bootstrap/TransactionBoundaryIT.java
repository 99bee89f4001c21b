package org.opencpis.bootstrap;

import org.opencpis.application.cohort.service.CohortMembership;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencpis.adapters.persistence.testing.TestDatabase;
import org.opencpis.application.testing.DelegatingAuditTrail;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.plan.service.PlanService;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.bootstrap.support.Tokens;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.organisation.OrganisationType;
import org.opencpis.domain.organisation.PhoneNumber;
import org.opencpis.domain.plan.PlanDetails;
import org.opencpis.domain.plan.PlanType;
import org.opencpis.domain.plan.RecordKey;
import org.opencpis.domain.plan.Subject;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.NhsNumber;
import org.opencpis.domain.shared.OdsCode;

/**
 * The use case's transaction boundary on the real database: when its later write (the audit
 * entry) fails, its earlier write (the record) is rolled back too.
 */
class TransactionBoundaryIT {

    @Test
    void aFailedLaterWriteLeavesNothingBehind() throws SQLException {
        Map<String, Object> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("micronaut.server.port", "-1");
        properties.put("opencpis.jwt.secret", Tokens.SECRET);
        properties.put("opencpis.purge.initial-delay", "1h");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            Transactions transactions = context.getBean(Transactions.class);
            Organisations organisations = context.getBean(Organisations.class);
            OdsCode la = new OdsCode("706");
            transactions.run(() -> organisations.save(new Organisation(la, "Islington", OrganisationType.LOCAL_AUTHORITY,
                    new PhoneNumber("020 7226 0992"), null, null, null)));
            long auditBefore = count(context, "audit_entry");

            PlanService failingAudit = new PlanService(context.getBean(ProtectionRecords.class), context.getBean(CohortMembership.class), organisations,
                    context.getBean(Demographics.class), new FailingAuditTrail(context.getBean(AuditTrail.class)),
                    transactions, Clock.systemUTC());
            RecordKey key = new RecordKey(la, NhsNumber.of("9434765919"), PlanType.CPP);
            PlanDetails details = new PlanDetails(LocalDate.of(2024, 1, 1), null, null,
                    new Subject("Test", List.of("Child"), LocalDate.of(2015, 1, 1)), null, null, null, null, null);
            RequestContext request = new RequestContext(new Actor("la-user", la, "LA", null), "tx-test");

            assertThrows(IllegalStateException.class, () -> failingAudit.record(request, key, details));
            assertEquals(0, count(context, "protection_record"), "the record was rolled back with the failed audit entry");
            assertEquals(auditBefore, count(context, "audit_entry"));
        }
    }

    private static long count(ApplicationContext context, String table) throws SQLException {
        Transactions transactions = context.getBean(Transactions.class);
        javax.sql.DataSource dataSource = context.getBean(javax.sql.DataSource.class);
        return transactions.inTransaction(() -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The real trail, except that appending fails, as a database error would. */
    private static final class FailingAuditTrail extends DelegatingAuditTrail {
        FailingAuditTrail(AuditTrail real) {
            super(real);
        }

        @Override
        public void append(AuditEntry entry) {
            throw new IllegalStateException("audit store failed");
        }
    }
}
