package org.opencpis.application.organisation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.application.testing.TestData.ISLINGTON;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencpis.application.organisation.port.in.RegisterOrganisationUseCase.Registration;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.testing.DirectTransactions;
import org.opencpis.application.testing.InMemoryAuditTrail;
import org.opencpis.application.testing.InMemoryMessagingMailboxes;
import org.opencpis.application.testing.InMemoryOrganisations;
import org.opencpis.application.testing.MutableClock;
import org.opencpis.application.testing.TestData;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.audit.ChainedAuditEntry;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.organisation.OrganisationType;
import org.opencpis.domain.organisation.PhoneNumber;

class OrganisationServiceTest {
    private final MutableClock clock = MutableClock.at("2025-03-10T10:00:00Z");
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryMessagingMailboxes mailboxes = new InMemoryMessagingMailboxes();
    private final OrganisationService service =
            new OrganisationService(new InMemoryOrganisations(), mailboxes, audit, new DirectTransactions(), clock);
    private final RequestContext admin = TestData.adminContext();

    @Test
    void aNewOrganisationIsCreatedAndAudited() {
        Organisation islington = TestData.localAuthority(ISLINGTON);

        Registration registration = service.register(admin, islington);

        assertTrue(registration.created());
        assertEquals(islington, registration.organisation());
        assertEquals(Optional.of(islington), service.find(ISLINGTON));
        assertEquals(List.of(new AuditEntry(clock.instant(), admin.actor(), "ORGANISATION_REGISTER:706", null,
                admin.requestId(), "CREATED")), entries());
    }

    @Test
    void registeringAgainUpdatesTheOrganisation() {
        service.register(admin, TestData.localAuthority(ISLINGTON));
        Organisation renamed = new Organisation(ISLINGTON, "Islington Council", OrganisationType.LOCAL_AUTHORITY,
                new PhoneNumber("0800 123456"), null, "LA706", null);

        Registration registration = service.register(admin, renamed);

        assertFalse(registration.created());
        assertEquals(Optional.of(renamed), service.find(ISLINGTON));
        assertEquals(List.of("CREATED", "UPDATED"), entries().stream().map(AuditEntry::outcome).toList());
    }

    @Test
    void aRegisteredMailboxIsProvisionedWithItsPassword() {
        service.register(admin, new Organisation(ISLINGTON, "Islington", OrganisationType.LOCAL_AUTHORITY,
                new PhoneNumber("0800 123456"), null, "LA706", "pw-1"));
        service.register(admin, new Organisation(ISLINGTON, "Islington", OrganisationType.LOCAL_AUTHORITY,
                new PhoneNumber("0800 123456"), null, "LA706", "pw-2"));

        assertEquals(java.util.Map.of("LA706", "pw-2"), mailboxes.passwords());
    }

    @Test
    void anUnregisteredOrganisationIsNotFound() {
        assertEquals(Optional.empty(), service.find(ISLINGTON));
    }

    private List<AuditEntry> entries() {
        return audit.entries().stream().map(ChainedAuditEntry::entry).toList();
    }

    @Test
    void aMailboxHeldByAnotherOrganisationIsRefused() {
        service.register(admin, new Organisation(ISLINGTON, "Islington", OrganisationType.LOCAL_AUTHORITY,
                new PhoneNumber("0800 123456"), null, "LA706", "pw"));

        org.opencpis.domain.shared.DomainViolation refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.opencpis.domain.shared.DomainViolation.class,
                () -> service.register(admin, new Organisation(TestData.CAMDEN, "Camden", OrganisationType.LOCAL_AUTHORITY,
                        new PhoneNumber("0800 123456"), null, "la706", "pw")));
        assertEquals("MAILBOX_IN_USE", refused.code());
        assertEquals(Optional.empty(), service.find(TestData.CAMDEN));
    }
}
