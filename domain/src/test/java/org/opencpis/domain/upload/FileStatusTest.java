package org.opencpis.domain.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencpis.domain.plan.RecordOutcome;
import org.opencpis.domain.shared.OdsCode;

class FileStatusTest {
    @Test
    void aReadableFileIsAllPartlyOrNotLoaded() {
        assertEquals(FileStatus.CPF02, FileStatus.forLoaded(3, 3));
        assertEquals(FileStatus.CPF03, FileStatus.forLoaded(3, 1));
        assertEquals(FileStatus.CPF04, FileStatus.forLoaded(3, 0));
        assertEquals(FileStatus.CPF02, FileStatus.forLoaded(1, 1));
        assertThrows(IllegalArgumentException.class, () -> FileStatus.forLoaded(0, 0));
        assertThrows(IllegalArgumentException.class, () -> FileStatus.forLoaded(2, 3));
    }

    @Test
    void onlyAnAppliedFileUsesUpItsSequenceNumber() {
        assertEquals(List.of(FileStatus.CPF02, FileStatus.CPF03, FileStatus.CPF04),
                List.of(FileStatus.values()).stream().filter(FileStatus::consumesSequenceNumber).toList());
    }

    @Test
    void aRecordResultEchoesWhatWasSentCutToLength() {
        RecordResult result = new RecordResult(4, " " + "9".repeat(40) + " ", "CPP", RecordOutcome.CPR07, "x".repeat(2000));

        assertEquals(RecordResult.MAX_ECHO, result.nhsNumber().length());
        assertEquals(RecordResult.MAX_DETAIL, result.detail().length());
        assertFalse(result.loaded());
        assertTrue(new RecordResult(0, null, null, RecordOutcome.CPR06, null).loaded());
        assertThrows(IllegalArgumentException.class, () -> new RecordResult(-1, null, null, RecordOutcome.CPR06, null));
    }

    @Test
    void anAcknowledgementOfARepeatNamesTheEarlierUploadsResults() {
        UUID earlier = UUID.randomUUID();
        UUID repeat = UUID.randomUUID();
        UploadAcknowledgement original = new UploadAcknowledgement(earlier, earlier, new OdsCode("706"),
                new SequenceNumber(5), FileStatus.CPF02, 1, 1, null);
        UploadAcknowledgement repeated = new UploadAcknowledgement(repeat, earlier, new OdsCode("706"),
                new SequenceNumber(5), FileStatus.CPF02, 1, 1, null);

        assertFalse(original.isRepeat());
        assertTrue(repeated.isRepeat());
        assertThrows(IllegalArgumentException.class, () -> new UploadAcknowledgement(repeat, earlier, new OdsCode("706"),
                null, FileStatus.CPF02, 1, 2, null));
    }
}
