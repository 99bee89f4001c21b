package org.opencpis.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencpis.adapters.persistence.testing.TestDatabase;
import org.opencpis.application.upload.port.in.ProcessUploadsUseCase;
import org.opencpis.bootstrap.OpenCpisApplication;
import org.opencpis.bootstrap.TestStartup;
import org.opencpis.bootstrap.support.Api;
import org.opencpis.bootstrap.support.Await;
import org.opencpis.bootstrap.support.Sql;
import org.opencpis.bootstrap.support.Tokens;

/**
 * Fault injection (issue #7): two instances of OpenCPIS on one database, each with its relays
 * running and its own MESH stub endpoint, receive uploads and unscheduled queries at the same time
 * and process the uploads concurrently. No file is applied twice — not even the same sequence
 * number sent to both at once — and no notification or acknowledgement reaches MESH twice.
 */
class TwoInstancesIT {
    private static final String PREFIX = "two-instances-";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int RECORDS = 400;

    @Test
    void noUploadIsAppliedTwiceAndNoMessageIsSentTwice(@TempDir Path dir) throws Exception {
        Map<String, Object> database = new HashMap<>(TestDatabase.fresh().micronautProperties());
        Map<String, Object> settings = Map.of("opencpis.uploads.processing.enabled", "false",
                "opencpis.relay.interval", "100ms", "opencpis.relay.initial-delay", "0s",
                "opencpis.mesh.inbound.enabled", "false");
        Sql db = Sql.of(database);
        try (OpenCpisApplication.Running one = new TestStartup(dir.resolve("one")).startOnExternal(database, settings);
             OpenCpisApplication.Running two = new TestStartup(dir.resolve("two")).startOnExternal(database, settings)) {
            Api first = new Api(one.context().getBean(EmbeddedServer.class).getURI());
            Api second = new Api(two.context().getBean(EmbeddedServer.class).getURI());
            Setup.twoLasWithRecordsForTheChild(first);
            for (String la : List.of("708", "709", "710")) {
                Setup.registerLa(first, la);
            }

            // 708 sends one file to both instances; 709 two files, one to each; 710 two different files under one number
            List<String[]> sent = new ArrayList<>();
            sent.add(upload(first, "708", ProcessCrashIT.uploadFile(1, RECORDS)));
            sent.add(upload(second, "708", ProcessCrashIT.uploadFile(1, RECORDS)));
            sent.add(upload(first, "709", ProcessCrashIT.uploadFile(2, RECORDS)));
            sent.add(upload(second, "709", ProcessCrashIT.uploadFile(4, RECORDS)));
            sent.add(upload(first, "710", ProcessCrashIT.uploadFile(5, RECORDS)));
            sent.add(upload(second, "710", ProcessCrashIT.uploadFile(6, RECORDS)
                    .replace("\"sequenceNumber\": 6", "\"sequenceNumber\": 5")));

            int[] processed;
            try (QueryBurst burstOne = new QueryBurst(first, Setup.CHILD, PREFIX + "a-", 2).start();
                 QueryBurst burstTwo = new QueryBurst(second, Setup.CHILD, PREFIX + "b-", 2).start()) {
                processed = processConcurrently(one, two, db, sent.size());
                Await.until(PATIENCE, () -> "queries on both instances",
                        () -> burstOne.count(o -> o.status() == 200) >= 20 && burstTwo.count(o -> o.status() == 200) >= 20);
                List<QueryBurst.Outcome> outcomes = new ArrayList<>(burstOne.stop());
                outcomes.addAll(burstTwo.stop());
                assertTrue(outcomes.stream().allMatch(o -> o.status() == 200), "every query answered");
                Map<String, Ledger> ledger;
                try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password())) {
                    ledger = Ledger.read(connection, PREFIX);
                }
                Ledger.assertEveryAnsweredQueryNotifiedOnce(outcomes, ledger, Setup.LAS.size());
            }
            assertTrue(processed[0] > 0 && processed[1] > 0, "both instances claimed uploads: " + processed[0] + ", " + processed[1]);

            for (String[] upload : sent) {
                Api.Response acknowledgement = first.get(upload[1], Tokens.la(upload[0]));
                assertEquals(200, acknowledgement.status(), acknowledgement.toString());
                assertEquals("CPF02", acknowledgement.json().get("fileStatus"), acknowledgement.toString());
                assertEquals(RECORDS, ((Number) acknowledgement.json().get("loaded")).intValue());
            }
            assertApplied(db, "708", RECORDS, 1);
            assertApplied(db, "709", 2 * RECORDS, 0);
            assertApplied(db, "710", RECORDS, 1);

            Await.until(PATIENCE, () -> "every notification and acknowledgement delivered", () ->
                    db.number("SELECT count(*) FROM access_notification WHERE delivered_at IS NULL") == 0
                            && db.number("SELECT count(*) FROM upload WHERE ack_delivered_at IS NULL") == 0);
            assertEquals(db.number("SELECT count(*) FROM access_notification"), db.number(
                    "SELECT count(*) FROM mesh_stub_message WHERE workflow_id = 'CPIS_ASN'"), "each notification sent once");
            assertEquals(db.number("SELECT count(*) FROM access_notification"), db.number(
                    "SELECT count(DISTINCT local_id) FROM mesh_stub_message WHERE workflow_id = 'CPIS_ASN'"));
            assertEquals(sent.size(), db.number(
                    "SELECT count(DISTINCT local_id) FROM mesh_stub_message WHERE workflow_id = 'CPIS_UPLOAD_ACK'"));
            assertEquals(sent.size(), db.number(
                    "SELECT count(*) FROM mesh_stub_message WHERE workflow_id = 'CPIS_UPLOAD_ACK'"), "each acknowledgement sent once");
            Api.Response verification = second.get("/api/v1/audit/verification", Tokens.auditor());
            assertEquals(Boolean.TRUE, verification.json().get("valid"), verification.toString());
            System.out.printf("TwoInstancesIT: upload claims: %d by one instance, %d by the other%n", processed[0], processed[1]);
        }
    }

    /** The LA's records applied once each, and its files answered once each (and repeats as repeats). */
    private static void assertApplied(Sql db, String la, int records, int repeats) {
        assertEquals(records, db.number("SELECT count(*) FROM protection_record WHERE la_ods_code = ?", la), la);
        assertEquals(records, db.number(
                "SELECT count(*) FROM audit_entry WHERE action = 'PLAN_RECORD:CPP' AND actor_organisation = ?", la),
                la + ": no record applied twice");
        assertEquals(repeats, db.number("SELECT count(*) FROM audit_entry WHERE action = 'UPLOAD_PROCESS'"
                + " AND actor_organisation = ? AND outcome LIKE '%_REPEAT'", la), la + ": repeats");
        assertEquals(2 - repeats, db.number("SELECT count(*) FROM audit_entry WHERE action = 'UPLOAD_PROCESS'"
                + " AND actor_organisation = ? AND outcome NOT LIKE '%_REPEAT'", la), la + ": files applied");
    }

    /** Posts the file as the LA; its LA and Location. */
    private static String[] upload(Api api, String la, String file) {
        Api.Response response = api.send("POST", "/api/v1/uploads", Tokens.la(la), file, Map.of("Content-Type", "application/json"));
        assertEquals(202, response.status(), response.toString());
        return new String[] {la, response.header("Location")};
    }

    /** Both instances' upload processors, started together and run until no upload is left; the uploads each processed. */
    private static int[] processConcurrently(OpenCpisApplication.Running one, OpenCpisApplication.Running two,
                                             Sql db, int uploads) throws Exception {
        List<ProcessUploadsUseCase> processors = List.of(one.context().getBean(ProcessUploadsUseCase.class),
                two.context().getBean(ProcessUploadsUseCase.class));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (ProcessUploadsUseCase processor : processors) {
                counts.add(threads.submit(() -> {
                    start.await();
                    int processed = 0;
                    while (db.number("SELECT count(*) FROM upload WHERE progress = 'PROCESSED'") < uploads) {
                        processed += processor.processPending();
                        Await.pause(Duration.ofMillis(100));
                    }
                    return processed;
                }));
            }
            start.countDown();
            return new int[] {counts.get(0).get(PATIENCE.toSeconds(), TimeUnit.SECONDS),
                    counts.get(1).get(PATIENCE.toSeconds(), TimeUnit.SECONDS)};
        } finally {
            threads.shutdownNow();
        }
    }
}
