package org.opencpis.adapters.spine.pds;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencpis.domain.shared.NhsNumber;

/**
 * Reads the PDS stub's fixture: a JSON array of {@link PdsFixtureEntry}. The location is a file
 * path, or {@code classpath:} followed by a resource name (e.g. {@code classpath:pds/example-fixture.json}).
 * Any problem — missing or unreadable file, malformed JSON, an invalid or repeated entry — is a
 * {@link PdsStubConfigurationException} naming the location and, where it applies, the entry.
 */
final class PdsFixtureReader {
    static final String CLASSPATH = "classpath:";
    private static final Pattern POSITION = Pattern.compile("line: \\d+, column: \\d+");
    private static final Argument<List<PdsFixtureEntry>> ENTRIES = Argument.listOf(PdsFixtureEntry.class);

    private final JsonMapper json;

    PdsFixtureReader(JsonMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    Map<NhsNumber, PdsRecord> read(String location) {
        List<PdsFixtureEntry> entries = parse(location, bytes(location));
        Map<NhsNumber, PdsRecord> records = new HashMap<>();
        Map<NhsNumber, Integer> positions = new HashMap<>();
        for (int index = 0; index < entries.size(); index++) {
            PdsFixtureEntry entry = entries.get(index);
            if (entry == null) {
                throw problem(location, "entry " + index + " is null", null);
            }
            PdsRecord record;
            try {
                record = PdsFixtureEntries.toRecord(entry, index);
            } catch (PdsStubConfigurationException e) {
                throw problem(location, e.getMessage(), null);
            }
            Integer earlier = positions.putIfAbsent(record.nhsNumber(), index);
            if (earlier != null) {
                throw problem(location, "entries " + earlier + " and " + index + " have the same nhsNumber", null);
            }
            records.put(record.nhsNumber(), record);
        }
        return records;
    }

    private List<PdsFixtureEntry> parse(String location, byte[] content) {
        List<PdsFixtureEntry> entries;
        try {
            entries = json.readValue(content, ENTRIES);
        } catch (IOException | RuntimeException e) {
            // The parser's exception is not kept as the cause: its message may quote the fixture's content.
            throw problem(location, "malformed, not a JSON array of PDS entries (CONTRACT §10)" + where(e), null);
        }
        if (entries == null) {
            throw problem(location, "malformed, not a JSON array of PDS entries (CONTRACT §10)", null);
        }
        return entries;
    }

    /**
     * Where the parser stopped, e.g. " at line: 3, column: 14", and never the parser's own words,
     * which may quote the content.
     */
    private static String where(Exception e) {
        Matcher position = POSITION.matcher(String.valueOf(e.getMessage()));
        String found = null;
        while (position.find()) {
            found = position.group();
        }
        return found == null ? " (" + e.getClass().getSimpleName() + ")" : " at " + found;
    }

    private static byte[] bytes(String location) {
        try (InputStream in = open(location)) {
            if (in == null) {
                throw problem(location, "cannot be read: no such classpath resource", null);
            }
            return in.readAllBytes();
        } catch (IOException | InvalidPathException e) {
            throw problem(location, "cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            String resource = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
            return PdsFixtureReader.class.getClassLoader().getResourceAsStream(resource);
        }
        return Files.newInputStream(Path.of(location));
    }

    private static PdsStubConfigurationException problem(String location, String what, Throwable cause) {
        return new PdsStubConfigurationException("PDS stub fixture " + location + " (opencpis.pds.fixture / OPENCPIS_PDS_FIXTURE): "
                + what, cause);
    }
}
