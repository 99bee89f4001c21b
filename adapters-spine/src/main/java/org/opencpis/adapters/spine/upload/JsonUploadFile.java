package org.opencpis.adapters.spine.upload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.opencpis.application.upload.port.out.CorruptUpload;
import org.opencpis.application.upload.port.out.UploadEntry;
import org.opencpis.application.upload.port.out.UploadFile;

/**
 * A JSON upload, {@code {"sequenceNumber": n, "recordCount"?: n, "records": [{...}, ...]}}, read
 * token by token with Jackson's streaming parser: one record in memory at a time. Members may come
 * in any order; unknown members are skipped. A record member of the wrong kind (an object where
 * text belongs) makes that record unreadable; anything that breaks the JSON itself — or content
 * after the closing brace — makes the file corrupt. Error details give the line and column, never
 * the file's text.
 */
final class JsonUploadFile implements UploadFile {
    /** The longest text value accepted; longer makes the file corrupt. */
    static final int MAX_TEXT = 65_536;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_TEXT)
                    .maxNameLength(MAX_TEXT)
                    .maxNumberLength(100)
                    .maxNestingDepth(100)
                    .build())
            .build();

    private final JsonParser parser;
    private String sequenceNumber;
    private String recordCount;
    private boolean recordsSeen;
    private boolean inRecords;
    private boolean ended;
    private int index;

    JsonUploadFile(InputStream content) {
        try {
            parser = FACTORY.createParser(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonToken first = token();
        if (first != JsonToken.START_OBJECT) {
            throw new CorruptUpload("the JSON is not an object");
        }
    }

    @Override
    public Format format() {
        return Format.JSON;
    }

    @Override
    public UploadEntry next() {
        if (ended) {
            return null;
        }
        while (true) {
            if (inRecords) {
                JsonToken token = token();
                if (token == JsonToken.END_ARRAY) {
                    inRecords = false;
                    continue;
                }
                return entry(token);
            }
            JsonToken token = token();
            if (token == JsonToken.END_OBJECT) {
                end();
                return null;
            }
            String member = name(token);
            JsonToken value = token();
            switch (member) {
                case "records" -> startRecords(value);
                case "sequenceNumber" -> sequenceNumber = scalar("sequenceNumber", value);
                case "recordCount" -> recordCount = scalar("recordCount", value);
                default -> skip(value);
            }
        }
    }

    @Override
    public Facts facts() {
        return new Facts(sequenceNumber, recordCount);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing was written
        }
    }

    private void startRecords(JsonToken value) {
        if (recordsSeen) {
            throw new CorruptUpload("records is given twice");
        }
        if (value != JsonToken.START_ARRAY) {
            throw new CorruptUpload("records is not an array");
        }
        recordsSeen = true;
        inRecords = true;
    }

    private void end() {
        ended = true;
        if (token() != null) {
            throw new CorruptUpload("there is content after the end of the JSON object" + at());
        }
        if (!recordsSeen) {
            throw new CorruptUpload("the file has no records array");
        }
    }

    private String scalar(String member, JsonToken value) {
        return switch (value) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_STRING -> text();
            case VALUE_NULL -> null;
            default -> {
                skip(value);
                throw new CorruptUpload(member + " is not a number");
            }
        };
    }

    /** One element of the records array, whose first token has been read. */
    private UploadEntry entry(JsonToken first) {
        int position = index++;
        if (first != JsonToken.START_OBJECT) {
            skip(first);
            return new UploadEntry.Unreadable(position, null, null, "the record is not a JSON object");
        }
        String[] values = new String[UploadFields.values().length];
        List<String> givenNames = List.of();
        List<String> problems = new ArrayList<>();
        for (JsonToken token = token(); token != JsonToken.END_OBJECT; token = token()) {
            UploadFields field = UploadFields.named(name(token));
            JsonToken value = token();
            if (field == null) {
                skip(value);
            } else if (field == UploadFields.GIVEN_NAMES) {
                givenNames = givenNames(value, problems);
            } else {
                values[field.ordinal()] = text(field, value, problems);
            }
        }
        if (!problems.isEmpty()) {
            return new UploadEntry.Unreadable(position, values[UploadFields.NHS_NUMBER.ordinal()],
                    values[UploadFields.PLAN_TYPE.ordinal()], String.join("; ", problems));
        }
        return new UploadEntry.Readable(position, UploadFields.record(values, givenNames));
    }

    private String text(UploadFields field, JsonToken value, List<String> problems) {
        switch (value) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT:
                return text();
            case VALUE_NULL:
                return null;
            default:
                skip(value);
                problems.add(field.fieldName() + " must be text");
                return null;
        }
    }

    /** An array of names, or one string of space-separated names. */
    private List<String> givenNames(JsonToken value, List<String> problems) {
        if (value == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (value == JsonToken.VALUE_STRING) {
            return UploadFields.splitNames(text());
        }
        if (value != JsonToken.START_ARRAY) {
            skip(value);
            problems.add("givenNames must be an array of names");
            return List.of();
        }
        List<String> names = new ArrayList<>();
        boolean wrongKind = false;
        for (JsonToken token = token(); token != JsonToken.END_ARRAY; token = token()) {
            if (token == JsonToken.VALUE_STRING) {
                if (names.size() < UploadFields.MAX_GIVEN_NAMES) {
                    names.add(text());
                } else {
                    wrongKind = true;
                }
            } else if (token != JsonToken.VALUE_NULL) {
                skip(token);
                wrongKind = true;
            }
        }
        if (wrongKind) {
            problems.add("givenNames must be an array of at most " + UploadFields.MAX_GIVEN_NAMES + " names");
        }
        return names;
    }

    private String name(JsonToken token) {
        if (token != JsonToken.FIELD_NAME) {
            throw new IllegalStateException("the JSON parser gave " + token + " where a member name belongs");
        }
        try {
            return parser.currentName();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void skip(JsonToken token) {
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            try {
                parser.skipChildren();
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    private JsonToken token() {
        try {
            JsonToken token = parser.nextToken();
            if (token == null && !ended) {
                throw new CorruptUpload("the JSON ends before it is complete" + at());
            }
            return token;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private String text() {
        try {
            return parser.getText();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private RuntimeException failure(IOException e) {
        if (e instanceof JsonEOFException) {
            return new CorruptUpload("the JSON ends before it is complete" + at());
        }
        if (e instanceof StreamConstraintsException) {
            return new CorruptUpload("a value is too long or nested too deeply" + at() + " (text values are at most "
                    + MAX_TEXT + " characters)");
        }
        if (e instanceof JsonProcessingException) {
            return new CorruptUpload("malformed JSON" + at());
        }
        return new UncheckedIOException(e);
    }

    private String at() {
        JsonLocation location = parser.currentLocation();
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
