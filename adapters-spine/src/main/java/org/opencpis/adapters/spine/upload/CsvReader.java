package org.opencpis.adapters.spine.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.opencpis.application.upload.port.out.CorruptUpload;

/**
 * An RFC 4180 reader of UTF-8 CSV, one record at a time: fields separated by commas; a field in
 * double quotes may hold commas, line breaks and doubled quotes ({@code ""}); records end with
 * CRLF, LF or CR. Strict where a lax reader would guess: a quote inside an unquoted field,
 * anything but a comma or line end after a closing quote, a quoted field still open at the end,
 * a field over {@link #MAX_FIELD} characters or a record over {@link #MAX_FIELDS} fields, and text
 * that is not UTF-8 are all {@link CorruptUpload}, reported with the line where they occur.
 * Memory is bounded by those limits, whatever the input.
 */
final class CsvReader implements AutoCloseable {
    static final int MAX_FIELD = 65_536;
    static final int MAX_FIELDS = 200;
    private static final int EOF = -1;

    private final Reader reader;
    private final char[] buffer = new char[8192];
    private int length;
    private int position;
    private long line = 1;
    private long recordLine;
    private final StringBuilder field = new StringBuilder();

    CsvReader(InputStream content) {
        this.reader = new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The line the last record returned began on (from 1). */
    long recordLine() {
        return recordLine;
    }

    /**
     * The next record's fields, or null at the end of the input. Empty lines are skipped, so a
     * returned record has at least one character.
     */
    List<String> next() {
        int c = read();
        while (c == '\r' || c == '\n') {
            endOfLine(c);
            c = read();
        }
        if (c == EOF) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            if (fields.size() == MAX_FIELDS) {
                throw corrupt("a record has more than " + MAX_FIELDS + " fields");
            }
            field.setLength(0);
            if (c == '"') {
                c = quoted();
            } else {
                c = unquoted(c);
            }
            fields.add(field.toString());
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\r' || c == '\n') {
                endOfLine(c);
            }
            return fields;
        }
    }

    /** Reads an unquoted field starting with {@code c}; returns the character that ended it. */
    private int unquoted(int c) {
        while (c != ',' && c != '\r' && c != '\n' && c != EOF) {
            if (c == '"') {
                throw corrupt("a quote inside a field that is not quoted");
            }
            append(c);
            c = read();
        }
        return c;
    }

    /** Reads a quoted field whose opening quote has been read; returns the character after it. */
    private int quoted() {
        while (true) {
            int c = read();
            if (c == EOF) {
                throw corrupt("a quoted field is not closed before the end of the file");
            }
            if (c == '"') {
                int after = read();
                if (after == '"') {
                    append('"');
                    continue;
                }
                if (after != ',' && after != '\r' && after != '\n' && after != EOF) {
                    throw corrupt("a closing quote is followed by something other than a comma or a line end");
                }
                return after;
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            append(c);
        }
    }

    private void endOfLine(int c) {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private void append(int c) {
        if (field.length() == MAX_FIELD) {
            throw corrupt("a field is longer than " + MAX_FIELD + " characters");
        }
        field.append((char) c);
    }

    private int peek() {
        if (position == length && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private int read() {
        if (position == length && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private boolean fill() {
        try {
            int read;
            do {
                read = reader.read(buffer, 0, buffer.length);
            } while (read == 0);
            if (read < 0) {
                return false;
            }
            length = read;
            position = 0;
            return true;
        } catch (CharacterCodingException e) {
            throw corrupt("the text is not UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CorruptUpload corrupt(String what) {
        return new CorruptUpload("line " + line + ": " + what);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // nothing was written
        }
    }
}
