package org.opencpis.application.organisation.service;

import java.time.Clock;
import java.util.Optional;
import org.opencpis.application.audit.port.out.AuditTrail;
import org.opencpis.application.organisation.port.in.FindOrganisationUseCase;
import org.opencpis.application.organisation.port.in.RegisterOrganisationUseCase;
import org.opencpis.application.organisation.port.out.MessagingMailboxes;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.shared.RequestContext;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.audit.AuditEntry;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.OdsCode;

/** Registers organisations (and their messaging mailboxes) and finds them; each registration is audited with it. */
public final class OrganisationService implements RegisterOrganisationUseCase, FindOrganisationUseCase {
    private final Organisations organisations;
    private final MessagingMailboxes mailboxes;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public OrganisationService(Organisations organisations, MessagingMailboxes mailboxes, AuditTrail audit,
                               Transactions transactions, Clock clock) {
        this.organisations = organisations;
        this.mailboxes = mailboxes;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Registration register(RequestContext context, Organisation organisation) {
        return transactions.inTransaction(() -> {
            if (organisation.meshMailboxId() != null) {
                organisations.findByMailbox(organisation.meshMailboxId())
                        .filter(holder -> !holder.odsCode().equals(organisation.odsCode()))
                        .ifPresent(holder -> {
                            throw new DomainViolation("MAILBOX_IN_USE", "meshMailboxId",
                                    "this MESH mailbox belongs to another organisation");
                        });
            }
            boolean created = organisations.save(organisation);
            if (organisation.meshMailboxId() != null) {
                mailboxes.provision(organisation.meshMailboxId(), organisation.meshMailboxPassword());
            }
            audit.append(new AuditEntry(clock.instant(), context.actor(),
                    "ORGANISATION_REGISTER:" + organisation.odsCode().value(), null, context.requestId(),
                    created ? "CREATED" : "UPDATED"));
            return new Registration(organisation, created);
        });
    }

    @Override
    public Optional<Organisation> find(OdsCode odsCode) {
        return transactions.inTransaction(() -> organisations.find(odsCode));
    }

    @Override
    public Optional<Organisation> findByMailbox(String mailboxId) {
        return transactions.inTransaction(() -> organisations.findByMailbox(mailboxId));
    }
}
