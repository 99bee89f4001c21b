package org.opencpis.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.shared.port.out.Transactions;
import org.opencpis.domain.organisation.Organisation;
import org.opencpis.domain.organisation.OrganisationType;
import org.opencpis.domain.organisation.PhoneNumber;
import org.opencpis.domain.shared.OdsCode;

/** What every {@link Organisations} must do. */
public abstract class OrganisationsContractTest {
    private Organisations organisations;

    /** A new, empty register under test. */
    protected abstract Organisations createOrganisations();

    /** Runs port calls the way the services do: inside a transaction. */
    protected abstract Transactions transactions();

    @BeforeEach
    void createStore() {
        organisations = createOrganisations();
    }

    protected final <T> T tx(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    @Test
    void findAllAnswersTheRegisteredAmongTheCodesByCode() {
        Organisation islington = TestData.localAuthority(TestData.ISLINGTON);
        Organisation trust = TestData.nhsOrganisation(TestData.HOSPITAL);
        tx(() -> organisations.save(islington));
        tx(() -> organisations.save(trust));

        assertEquals(Map.of(TestData.ISLINGTON, islington, TestData.HOSPITAL, trust),
                tx(() -> organisations.findAll(List.of(TestData.ISLINGTON, TestData.CAMDEN, TestData.HOSPITAL, TestData.ISLINGTON))));
        assertEquals(Map.of(), tx(() -> organisations.findAll(List.of(TestData.CAMDEN))));
        assertEquals(Map.of(), tx(() -> organisations.findAll(List.of())));
    }

    @Test
    void anUnregisteredOrganisationIsNotFound() {
        assertEquals(Optional.empty(), tx(() -> organisations.find(TestData.ISLINGTON)));
    }

    @Test
    void saveRegistersTheOrganisationWithEveryField() {
        Organisation islington = TestData.localAuthority(TestData.ISLINGTON);

        assertTrue(tx(() -> organisations.save(islington)));

        assertEquals(Optional.of(islington), tx(() -> organisations.find(TestData.ISLINGTON)));
    }

    @Test
    void optionalFieldsRoundTripAsAbsent() {
        Organisation trust = TestData.nhsOrganisation(TestData.HOSPITAL);

        tx(() -> organisations.save(trust));

        assertEquals(Optional.of(trust), tx(() -> organisations.find(TestData.HOSPITAL)));
    }

    @Test
    void savingAgainReplacesTheRegistrationAndIsNotACreation() {
        tx(() -> organisations.save(TestData.localAuthority(TestData.ISLINGTON)));
        Organisation renamed = new Organisation(TestData.ISLINGTON, "Islington Council",
                OrganisationType.LOCAL_AUTHORITY, new PhoneNumber("0800 123456"), null, null, null);

        assertFalse(tx(() -> organisations.save(renamed)));
        assertFalse(tx(() -> organisations.save(renamed)));

        assertEquals(Optional.of(renamed), tx(() -> organisations.find(TestData.ISLINGTON)));
    }

    @Test
    void organisationsAreKeptApartByOdsCode() {
        Organisation islington = TestData.localAuthority(TestData.ISLINGTON);
        Organisation camden = TestData.localAuthority(TestData.CAMDEN);

        assertTrue(tx(() -> organisations.save(islington)));
        assertTrue(tx(() -> organisations.save(camden)));

        assertEquals(Optional.of(islington), tx(() -> organisations.find(TestData.ISLINGTON)));
        assertEquals(Optional.of(camden), tx(() -> organisations.find(TestData.CAMDEN)));
        assertEquals(Optional.empty(), tx(() -> organisations.find(new OdsCode("7060"))));
    }

    @Test
    void anOrganisationIsFoundByItsMailboxWhateverTheCase() {
        Organisation islington = new Organisation(TestData.ISLINGTON, "Islington", OrganisationType.LOCAL_AUTHORITY,
                new PhoneNumber("0800 123456"), null, "X26OT706", "pw");
        tx(() -> organisations.save(islington));
        tx(() -> organisations.save(new Organisation(TestData.CAMDEN, "Camden", OrganisationType.LOCAL_AUTHORITY,
                new PhoneNumber("0800 123456"), null, null, null)));

        assertEquals(Optional.of(islington), tx(() -> organisations.findByMailbox("x26ot706")));
        assertEquals(Optional.empty(), tx(() -> organisations.findByMailbox("X26OT707")));
    }
}
