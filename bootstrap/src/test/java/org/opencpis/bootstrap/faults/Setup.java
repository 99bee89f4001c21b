package org.opencpis.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.Tokens;

/** Registers local authorities and their records over the public API, as an ADMIN and the LAs would. */
final class Setup {
    /** The two LAs of the fault tests: each holds a record for {@link #CHILD}, so each query notifies both. */
    static final List<String> LAS = List.of("706", "707");
    static final String CHILD = "9434765919";

    private Setup() {
    }

    static void registerLa(Api api, String ods) {
        Api.Response response = api.put("/api/v1/organisations/" + ods, Tokens.admin(), """
                {"name": "LA %s", "type": "LOCAL_AUTHORITY", "emergencyDutyPhone": "020 7226 0992",
                 "officeHoursPhone": "020 7527 7400", "meshMailboxId": "LA%sMB", "meshMailboxPassword": "secret-%s"}
                """.formatted(ods, ods, ods));
        assertTrue(response.status() == 200 || response.status() == 201, "could not register " + ods + ": " + response);
    }

    static String mailbox(String ods) {
        return "LA" + ods + "MB";
    }

    /** Both LAs registered, each with a record for the child (a CPP at 706, a LAC at 707). */
    static void twoLasWithRecordsForTheChild(Api api) {
        for (String la : LAS) {
            registerLa(api, la);
        }
        recordPlan(api, "706", CHILD, "CPP", "");
        recordPlan(api, "707", CHILD, "LAC", ", \"lacLegalStatus\": \"S20\"");
    }

    static void recordPlan(Api api, String la, String nhsNumber, String planType, String extra) {
        Api.Response response = api.put("/api/v1/plans/" + nhsNumber + "/" + planType, Tokens.la(la), """
                {"startDate": "2024-01-10", "familyName": "SMITH", "givenNames": ["alice"], "dateOfBirth": "2015-03-01"%s}"""
                .formatted(extra));
        assertEquals(201, response.status(), response.toString());
    }
}
