package org.opencpis.adapters.spine.upload;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opencpis.application.upload.port.out.CorruptUpload;
import org.opencpis.application.upload.port.out.UploadEntry;
import org.opencpis.application.upload.port.out.UploadFile;

/**
 * A CSV upload: a header row naming the fields (CONTRACT §6; {@code nhsNumber} and
 * {@code planType} at least, any case, columns in any order, unknown columns ignored), then one row
 * per record with {@code givenNames} space-separated. Values are trimmed; an empty value is absent.
 * A row with the wrong number of fields is an unreadable record, not a corrupt file.
 */
final class CsvUploadFile implements UploadFile {
    private final CsvReader csv;
    private final UploadFields[] columns;
    private int index;

    /**
     * @throws CorruptUpload when the first record is not such a header
     */
    CsvUploadFile(InputStream content) {
        this.csv = new CsvReader(content);
        List<String> header = csv.next();
        if (header == null) {
            throw new CorruptUpload("the file is empty");
        }
        columns = new UploadFields[header.size()];
        Set<UploadFields> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            UploadFields field = UploadFields.heading(header.get(i));
            if (field != null && !seen.add(field)) {
                throw new CorruptUpload("line 1: the column " + field.fieldName() + " appears twice");
            }
            columns[i] = field;
        }
        if (!seen.contains(UploadFields.NHS_NUMBER) || !seen.contains(UploadFields.PLAN_TYPE)) {
            throw new CorruptUpload(StreamingUploadFormats.NEITHER);
        }
    }

    @Override
    public Format format() {
        return Format.CSV;
    }

    @Override
    public UploadEntry next() {
        List<String> row = csv.next();
        if (row == null) {
            return null;
        }
        int position = index++;
        String[] values = new String[UploadFields.values().length];
        for (int i = 0; i < Math.min(row.size(), columns.length); i++) {
            if (columns[i] != null) {
                String value = row.get(i).strip();
                values[columns[i].ordinal()] = value.isEmpty() ? null : value;
            }
        }
        if (row.size() != columns.length) {
            return new UploadEntry.Unreadable(position, values[UploadFields.NHS_NUMBER.ordinal()],
                    values[UploadFields.PLAN_TYPE.ordinal()], "line " + csv.recordLine() + ": the row has " + row.size()
                    + " fields; the header has " + columns.length);
        }
        List<String> givenNames = UploadFields.splitNames(values[UploadFields.GIVEN_NAMES.ordinal()]);
        if (givenNames.size() > UploadFields.MAX_GIVEN_NAMES) {
            return new UploadEntry.Unreadable(position, values[UploadFields.NHS_NUMBER.ordinal()],
                    values[UploadFields.PLAN_TYPE.ordinal()], "givenNames has more than " + UploadFields.MAX_GIVEN_NAMES
                    + " names");
        }
        return new UploadEntry.Readable(position, UploadFields.record(values, givenNames));
    }

    @Override
    public Facts facts() {
        return new Facts(null, null);
    }

    @Override
    public void close() {
        csv.close();
    }
}
