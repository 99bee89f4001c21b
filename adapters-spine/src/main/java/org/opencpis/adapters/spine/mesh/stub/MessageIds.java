package org.opencpis.adapters.spine.mesh.stub;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/** Message ids shaped like MESH's: the UTC time to the microsecond, an underscore, six random hex digits. */
final class MessageIds {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSSSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageIds() {
    }

    static String next(Instant now) {
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        return TIME.format(now) + "_" + HexFormat.of().withUpperCase().formatHex(random);
    }
}
