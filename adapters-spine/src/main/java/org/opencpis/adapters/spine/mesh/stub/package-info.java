/**
 * A STUB of the national MESH service (CONTRACT §9): OpenCPIS serves the MESH API itself under
 * {@code /messageexchange} while {@code OPENCPIS_MESH_URL} is unset, so that LA systems, the
 * OpenCPIS MESH client and tests can exchange messages without Spine. It follows the public
 * specification (the MESH API OpenAPI document, version 2.0.0: v2 JSON, with the v1 shapes for clients
 * that do not ask for v2) and, where the specification is silent, NHS England's own MESH sandbox
 * (github.com/NHSDigital/mesh-sandbox). It is not the national service: it says so in one WARN
 * line at start-up, and its mailboxes are only OpenCPIS's own ({@code OPENCPIS_MESH_MAILBOX}) and
 * those registered organisations name ({@code meshMailboxId}).
 *
 * <h2>Followed as specified</h2>
 * <ul>
 *   <li>Paths, methods and headers of: handshake ({@code GET} and {@code POST /messageexchange/{mailbox}},
 *       requiring {@code mex-ClientVersion}, {@code mex-OSName}, {@code mex-OSVersion}); inbox
 *       ({@code max_results} 10–5000, default 500, {@code continue_from}, {@code workflow_filter},
 *       {@code links.self}/{@code links.next}, {@code approx_inbox_count}); download with
 *       {@code Mex-*} headers, 206 + {@code Mex-Chunk-Range: 1:N} for the first of several chunks,
 *       further chunks at {@code .../inbox/{id}/{n}}, HEAD; acknowledge (v2: empty 200); send
 *       (202 {@code {"message_id"}}, {@code mex-To} and {@code mex-WorkflowID} required, the
 *       optional {@code mex-*} headers with the spec's maximum lengths); chunked send
 *       ({@code Mex-Chunk-Range: 1:N} on the first request, then {@code .../outbox/{id}/{n}}; the
 *       message reaches the inbox only when every chunk has arrived, in any order; 423 once
 *       finalised); tracking ({@code GET .../outbox/tracking?messageID=}, v2 and v1 shapes, and the
 *       deprecated {@code .../outbox/tracking/{localId}}: v1, 300 when not unique); the deprecated
 *       {@code .../count}.</li>
 *   <li>Authentication: {@code NHSMESH mailbox:nonce:nonce_count:yyyyMMddHHmm:hmac}, HMAC-SHA256
 *       keyed by the shared key over {@code mailbox:nonce:nonce_count:password:timestamp}
 *       ({@code org.opencpis.adapters.spine.mesh.MeshAuthentication}); timestamp within two hours
 *       of the (injected) clock either way; every token single-use; any failure 403.</li>
 *   <li>Status codes: 400 validation errors in the {@code HTTPValidationError} shape
 *       ({@code {"detail": [{"loc", "msg", "type"}]}}); 403; 404 unknown message; 410 acknowledged or
 *       expired; 417 send failures as {@code MeshError} with the spec's error codes (06 malformed
 *       headers, 07 from address, 11 message type, 12 unregistered recipient, 02 missing data);
 *       423 chunk after finalisation; report messages with the spec's report headers, status
 *       code 14 and an empty body.</li>
 *   <li>Expiry: a message not acknowledged within five days of delivery leaves the inbox, its
 *       sender gets a REPORT ({@code Mex-StatusCode: 14}, {@code Mex-LinkedMsgID}, {@code Mex-To}
 *       the intended recipient, the original workflow, local id and subject).</li>
 * </ul>
 *
 * <h2>Chosen where the specification is silent or ambiguous</h2>
 * <ul>
 *   <li>Dev defaults: shared key {@code TestKey} (the sandbox's docker-compose value), OpenCPIS
 *       mailbox password {@code password} (the sandbox's mailbox password). Both are development
 *       values and the start-up warning says when the shared key is the default.</li>
 *   <li>Single use is per (mailbox, nonce, nonce count) triple, the count compared as a number.
 *       A triple is remembered until its own timestamp is more than two hours (and a minute) old,
 *       when the token would fail on time anyway; a token issued up to two hours in the future is
 *       therefore remembered for up to four hours.</li>
 *   <li>The 2-hour window includes both ends (exactly two hours off passes).</li>
 *   <li>Every authentication failure (no header, malformed, unknown mailbox, wrong password or
 *       key, stale, replayed, another mailbox's path) is the same 403 with a {@code MeshError}
 *       body ({@code msg: "Authentication failed"}), so none tells a caller more; the log says
 *       which, without the header. A malformed token is 403, not 400.</li>
 *   <li>Mailbox and message ids are case-insensitive (stored upper case), as in the sandbox; the
 *       HMAC covers the mailbox exactly as the client sent it.</li>
 *   <li>A message someone else owns answers 404, not 403, so ids cannot be probed; downloading an
 *       acknowledged message is 410 (the sandbox still serves it); acknowledging twice is 200;
 *       acknowledging an expired message is 410.</li>
 *   <li>Error bodies follow the client's {@code Accept}: {@code MeshError} v2
 *       ({@code message_id}, {@code internal_id}, {@code detail[{event, code, msg}]}) or v1
 *       ({@code messageID}, {@code errorEvent}, {@code errorCode}, {@code errorDescription}); event
 *       and code are empty strings where MESH has none (as the sandbox does). Unknown paths under
 *       {@code /messageexchange/{mailbox}/} answer a MESH-shaped 404.</li>
 *   <li>{@code Content-Encoding: gzip} bodies are stored as sent and passed through: a client
 *       whose {@code Accept-Encoding} admits gzip gets them as sent, another gets them
 *       decompressed (streamed, without Content-Length). A v2 client that accepts gzip gets
 *       uncompressed messages compressed. Other encodings are refused (417, code 06), as is a
 *       gzip header on a body that is not gzip, and a chunk whose encoding differs from the first.
 *       Micronaut decompresses request bodies itself unless
 *       {@code micronaut.server.netty.request-decompression-enabled} is false: then the stub
 *       only ever sees plain bytes and still hands every client something it can read.</li>
 *   <li>Limits: a chunk (one request body) at most {@code opencpis.mesh.stub.max-chunk-size}
 *       (20MB), a message at most {@code max-message-size} (1GB) and {@code max-chunks} (1000)
 *       chunks; over them 413, before any of it is stored. The server's own
 *       {@code micronaut.server.max-request-size} caps a chunk too. An empty body is 417 code 02.</li>
 *   <li>Memory stays bounded: a request body is copied to a temporary file as it arrives (64 KiB at a
 *       time, stopped at the limit) and only then written to PostgreSQL in one transaction, in
 *       parts of at most 1 MiB; a download reads one part at a time, each in its own short
 *       transaction, so no whole chunk, let alone a whole message, is held in memory, and no
 *       connection is held while a client is slow. A refused request's body is never read.</li>
 *   <li>Tracking: statuses {@code uploading}, {@code accepted}, {@code acknowledged} and, for an
 *       expired message, {@code undeliverable} with {@code status_code} 14 (or 02 for a chunked
 *       upload never finished within the expiry period, which expires without a report); times
 *       in v2 as ISO-8601 UTC ({@code format: date-time}), in v1 as {@code yyyyMMddHHmmss}.
 *       {@code ?localID=} is accepted as well as {@code ?messageID=}. Organisation names and ODS
 *       codes are not known to the stub and are left out.</li>
 *   <li>A REPORT has no {@code Mex-From} (MESH itself sends it) and is not tracked; unread, it
 *       expires like any message but without a report of its own.</li>
 *   <li>Data minimisation: a message's bytes are deleted as soon as it is acknowledged or expires;
 *       its metadata stays for tracking until {@code opencpis.mesh.stub.retention} (30 days, the
 *       spec's "completely deleted 30 days after delivery") after upload.</li>
 *   <li>Passwords are stored as given (the HMAC needs them), only in {@code mesh_stub_mailbox};
 *       a registration without a password creates the mailbox (it can receive) or leaves its
 *       password as it is. Passwords, Authorization headers and message bodies are never logged.</li>
 *   <li>Not provided: {@code endpointlookup} and {@code workflowsearch} (the stub does not know
 *       ODS codes or workflow registrations), workflow permissions (any mailbox may send any
 *       workflow), {@code /inbox/rich} and {@code /outbox/rich} (sandbox extensions).</li>
 * </ul>
 *
 * <p>Settings: see {@link org.opencpis.adapters.spine.mesh.stub.MeshStubSettings}. Tables:
 * {@code V100__mesh_stub.sql}.
 */
package org.opencpis.adapters.spine.mesh.stub;
