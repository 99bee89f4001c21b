package org.opencpis.application.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.opencpis.application.upload.port.out.CorruptUpload;
import org.opencpis.application.upload.port.out.UploadEntry;
import org.opencpis.application.upload.port.out.UploadFile;
import org.opencpis.application.upload.port.out.UploadFormats;
import org.opencpis.domain.upload.UploadedRecord;

/**
 * A stand-in for the real upload formats in application tests: a line-based text format that
 * is read lazily, line by line, like the real readers. The first line says what the file is:
 * {@code JSON sequenceNumber=<n> recordCount=<n>} (either part may be left out) or {@code CSV}.
 * Every further line is one record — {@code nhsNumber|planType|startDate|endDate|deleteDate|
 * familyName|given names|dateOfBirth|localId|lacLegalStatus}, empty meaning absent — or
 * {@code !<detail>} for a record that cannot be read, or {@code CORRUPT <detail>} where the file
 * breaks. Use {@link Builder} to write one.
 */
public final class LineUploadFormats implements UploadFormats {
    private int opened;

    @Override
    public synchronized UploadFile open(InputStream content) {
        opened++;
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
        String first = readLine(reader);
        if (first == null || !(first.startsWith("JSON") || first.equals("CSV"))) {
            throw new CorruptUpload("neither JSON nor CSV");
        }
        UploadFile.Format format = first.startsWith("JSON") ? UploadFile.Format.JSON : UploadFile.Format.CSV;
        String sequenceNumber = part(first, "sequenceNumber=");
        String recordCount = part(first, "recordCount=");
        return new UploadFile() {
            private int index;

            @Override
            public Format format() {
                return format;
            }

            @Override
            public UploadEntry next() {
                String line = readLine(reader);
                if (line == null) {
                    return null;
                }
                if (line.startsWith("CORRUPT")) {
                    throw new CorruptUpload(line.substring("CORRUPT".length()).strip());
                }
                if (line.startsWith("!")) {
                    return new UploadEntry.Unreadable(index++, null, null, line.substring(1));
                }
                String[] f = Arrays.copyOf(line.split("\\|", -1), 10);
                List<String> given = f[6] == null || f[6].isBlank() ? List.of() : List.of(f[6].strip().split("\\s+"));
                return new UploadEntry.Readable(index++, new UploadedRecord(v(f[0]), v(f[1]), v(f[2]), v(f[3]), v(f[4]),
                        v(f[5]), given, v(f[7]), v(f[8]), v(f[9]), null, null, null));
            }

            @Override
            public Facts facts() {
                return new Facts(sequenceNumber, recordCount);
            }

            @Override
            public void close() {
                try {
                    reader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** How many times a file was opened. */
    public synchronized int opened() {
        return opened;
    }

    private static String v(String field) {
        return field == null || field.isEmpty() ? null : field;
    }

    private static String part(String line, String name) {
        for (String token : line.split(" ")) {
            if (token.startsWith(name)) {
                return token.substring(name.length());
            }
        }
        return null;
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file in this format. */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();

        private Builder(String header) {
            text.append(header).append('\n');
        }

        public static Builder json(long sequenceNumber) {
            return new Builder("JSON sequenceNumber=" + sequenceNumber);
        }

        public static Builder jsonWithHeader(String header) {
            return new Builder("JSON" + (header.isEmpty() ? "" : " " + header));
        }

        public static Builder csv() {
            return new Builder("CSV");
        }

        /** A valid, open CPP record for the NHS number. */
        public Builder cpp(String nhsNumber) {
            return record(nhsNumber, "CPP", "2024-01-15", "", "", "Smith", "Jane Anne", "2015-04-01", "", "");
        }

        public Builder record(String... fields) {
            text.append(String.join("|", fields)).append('\n');
            return this;
        }

        public Builder unreadable(String detail) {
            text.append('!').append(detail).append('\n');
            return this;
        }

        public Builder corrupt(String detail) {
            text.append("CORRUPT ").append(detail).append('\n');
            return this;
        }

        public byte[] bytes() {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
