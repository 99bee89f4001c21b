package org.opencpis.bootstrap;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.opencpis.application.alert.port.out.AccessEvents;
import org.opencpis.application.alert.port.out.AccessNotifications;
import org.opencpis.application.alert.port.out.InactiveNumberNotices;
import org.opencpis.application.shared.port.out.SpineMessaging;
import org.opencpis.application.alert.service.InactiveNumberRelay;
import org.opencpis.application.alert.service.InactiveNumberService;
import org.opencpis.application.alert.service.NotificationInboxService;
import org.opencpis.application.alert.service.NotificationRelay;
import org.opencpis.application.alert.service.ProtectionQueryService;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.cohort.port.out.Cohorts;
import org.opencpis.application.cohort.service.CohortMembership;
import org.opencpis.application.cohort.service.CohortPushRelay;
import org.opencpis.application.cohort.service.CohortService;
import org.opencpis.application.audit.service.AuditChaining;
import org.opencpis.application.audit.service.AuditService;
import org.opencpis.application.organisation.port.out.MessagingMailboxes;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.organisation.service.OrganisationService;
import org.opencpis.application.plan.port.out.Demographics;
import org.opencpis.application.plan.port.out.ProtectionRecords;
import org.opencpis.application.plan.port.out.RecordChanges;
import org.opencpis.application.plan.service.PlanService;
import org.opencpis.application.plan.service.PurgeService;
import org.opencpis.application.shared.port.out.Transactions;

/**
 * Builds the framework-free application services from the adapters' out-port beans. Each
 * service declares its own transaction boundary through {@link Transactions}.
 */
@Factory
public class ServiceWiring {

    /** CP-IS dates (plan ends, visibility, purge) are English calendar dates. */
    @Singleton
    Clock clock() {
        return Clock.system(java.time.ZoneId.of("Europe/London"));
    }

    @Singleton
    OrganisationService organisationService(Organisations organisations, MessagingMailboxes mailboxes, AuditTrail audit,
                                            Transactions transactions, Clock clock) {
        return new OrganisationService(organisations, mailboxes, audit, transactions, clock);
    }

    @Singleton
    CohortMembership cohortMembership(Cohorts cohorts, Clock clock) {
        return new CohortMembership(cohorts, clock);
    }

    @Singleton
    CohortService cohortService(Cohorts cohorts, CohortMembership membership, Organisations organisations, AuditTrail audit,
                                Transactions transactions, Clock clock) {
        return new CohortService(cohorts, membership, organisations, audit, transactions, clock);
    }

    @Singleton
    CohortPushRelay cohortPushRelay(Cohorts cohorts, CohortService reads, Organisations organisations,
                                    SpineMessaging messaging, Transactions transactions, Clock clock) {
        return new CohortPushRelay(cohorts, reads, organisations, messaging, transactions, clock);
    }

    @Singleton
    PlanService planService(ProtectionRecords records, RecordChanges membership, Organisations organisations,
                            Demographics demographics,
                            AuditTrail audit, Transactions transactions, Clock clock) {
        return new PlanService(records, membership, organisations, demographics, audit, transactions, clock);
    }

    @Singleton
    PurgeService purgeService(ProtectionRecords records, RecordChanges membership, AuditTrail audit,
                              Transactions transactions, Clock clock) {
        return new PurgeService(records, membership, audit, transactions, clock);
    }

    @Singleton
    ProtectionQueryService protectionQueryService(ProtectionRecords records, Organisations organisations,
                                                  AccessEvents accessEvents, AccessNotifications notifications,
                                                  AuditTrail audit, Transactions transactions, Clock clock) {
        return new ProtectionQueryService(records, organisations, accessEvents, notifications, audit, transactions, clock);
    }

    @Singleton
    NotificationInboxService notificationInboxService(AccessNotifications notifications, AuditTrail audit,
                                                      Transactions transactions, Clock clock) {
        return new NotificationInboxService(notifications, audit, transactions, clock);
    }

    @Singleton
    NotificationRelay notificationRelay(AccessNotifications notifications, Organisations organisations,
                                        SpineMessaging messaging, Transactions transactions, Clock clock) {
        return new NotificationRelay(notifications, organisations, messaging, transactions, clock);
    }

    @Singleton
    InactiveNumberService inactiveNumberService(ProtectionRecords records, InactiveNumberNotices notices, AuditTrail audit,
                                                Transactions transactions, Clock clock) {
        return new InactiveNumberService(records, notices, audit, transactions, clock);
    }

    @Singleton
    InactiveNumberRelay inactiveNumberRelay(InactiveNumberNotices notices, Organisations organisations,
                                            SpineMessaging messaging, Transactions transactions, Clock clock) {
        return new InactiveNumberRelay(notices, organisations, messaging, transactions, clock);
    }

    @Singleton
    AuditChaining auditChaining(AuditTrail audit, Transactions transactions) {
        return new AuditChaining(audit, transactions);
    }

    @Singleton
    AuditService auditService(AuditTrail audit, AuditChaining chaining, Transactions transactions, Clock clock) {
        return new AuditService(audit, chaining, transactions, clock);
    }
}
