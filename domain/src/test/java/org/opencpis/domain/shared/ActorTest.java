package org.opencpis.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void systemActorIsNamedAfterItsTask() {
        Actor purger = Actor.system("purge");
        assertEquals("system:purge", purger.subject());
        assertEquals(new OdsCode("OPENCPIS"), purger.organisation());
        assertEquals("SYSTEM", purger.role());
        assertNull(purger.roleProfileId());
    }

    @Test
    void subjectOrganisationAndRoleAreRequired() {
        OdsCode la = new OdsCode("706");
        assertThrows(NullPointerException.class, () -> new Actor(null, la, "LA", null));
        assertThrows(NullPointerException.class, () -> new Actor("sub", null, "LA", null));
        assertThrows(NullPointerException.class, () -> new Actor("sub", la, null, null));
    }
}
