package org.opencpis.application.testing;

import java.util.List;
import org.opencpis.application.upload.port.out.UploadFormats;
import org.opencpis.domain.upload.UploadedRecord;

class LineUploadFormatsTest extends UploadFormatsContractTest {

    @Override
    protected UploadFormats formats() {
        return new LineUploadFormats();
    }

    private static LineUploadFormats.Builder with(LineUploadFormats.Builder builder, List<UploadedRecord> records) {
        records.forEach(r -> builder.record(r.nhsNumber(), r.planType(), r.startDate(), "", "", r.familyName(),
                String.join(" ", r.givenNames()), r.dateOfBirth(), "", ""));
        return builder;
    }

    @Override
    protected byte[] json(long sequenceNumber, List<UploadedRecord> records) {
        return with(LineUploadFormats.Builder.json(sequenceNumber), records).bytes();
    }

    @Override
    protected byte[] csv(List<UploadedRecord> records) {
        return with(LineUploadFormats.Builder.csv(), records).bytes();
    }

    @Override
    protected byte[] brokenAfter(List<UploadedRecord> records) {
        return with(LineUploadFormats.Builder.json(1), records).corrupt("the file breaks here").bytes();
    }
}
