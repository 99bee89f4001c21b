package org.opencpis.adapters.spine.mesh.stub;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.opencpis.adapters.spine.mesh.MeshAuthentication;
import org.opencpis.application.shared.port.out.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a request's {@code NHSMESH} token: well formed, for the mailbox in the path, signed with
 * that mailbox's password and the shared key, timestamped within two hours of now, and not used
 * before. A token passes once: its (mailbox, nonce, nonce count) is recorded in the same
 * transaction that checks it, so two requests racing with one token cannot both pass.
 * Every failure is the same 403; the log says why, without the header.
 */
@Singleton
@RequiresMeshStub
final class MeshStubAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(MeshStubAuthenticator.class);

    private final MeshStubStore store;
    private final MeshStubSettings settings;
    private final Transactions transactions;
    private final Clock clock;

    MeshStubAuthenticator(MeshStubStore store, MeshStubSettings settings, Transactions transactions, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The authenticated mailbox (upper case), which is the one in the path; otherwise a 403 failure. */
    String authenticate(String pathMailbox, String authorization) {
        Optional<MeshAuthentication.Token> parsed = MeshAuthentication.parse(authorization);
        String path = normalise(pathMailbox);
        if (parsed.isEmpty()) {
            return reject(path, "no well-formed NHSMESH token");
        }
        MeshAuthentication.Token token = parsed.get();
        String mailbox = normalise(token.mailbox());
        if (!mailbox.equals(path)) {
            return reject(path, "the token is for another mailbox");
        }
        Instant now = clock.instant();
        String refusal = transactions.inTransaction(() -> {
            Optional<String> password = store.password(mailbox);
            if (password.isEmpty() || !MeshAuthentication.verify(token, password.get(), settings.sharedKey())) {
                return "unknown mailbox or wrong password";
            }
            if (!MeshAuthentication.withinWindow(token, now)) {
                return "timestamp more than two hours from now";
            }
            if (!store.useNonce(mailbox, token.nonce(), Long.parseLong(token.nonceCount()), token.issuedAt())) {
                return "token used before";
            }
            return null;
        });
        return refusal == null ? mailbox : reject(path, refusal);
    }

    static String normalise(String mailboxId) {
        return mailboxId == null ? "" : mailboxId.strip().toUpperCase(Locale.ROOT);
    }

    private static String reject(String mailbox, String reason) {
        LOG.info("MESH stub refused a request for mailbox {}: {}", printable(mailbox), reason);
        throw MeshStubFailure.forbidden();
    }

    /** The mailbox id as far as it is safe to log (path input: bounded, no control characters). */
    private static String printable(String mailbox) {
        String shortened = mailbox.length() > 40 ? mailbox.substring(0, 40) + "..." : mailbox;
        return shortened.replaceAll("[^A-Za-z0-9_\\-.]", "?");
    }
}
