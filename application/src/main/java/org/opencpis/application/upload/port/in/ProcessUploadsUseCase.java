package org.opencpis.application.upload.port.in;

/**
 * Processes stored uploads: checks each file's framing, applies its records one by one after PDS
 * verification, and answers it with an acknowledgement that is then sent to the LA's mailbox.
 *
 * <p>Safe to run on several instances at once: a file is claimed by one processor at a time, and
 * a processor that dies leaves a claim that runs out, after which another resumes the file from
 * the first record not yet answered. A sequence number is applied at most once per local authority.
 */
public interface ProcessUploadsUseCase {
    /** Processes files until none is waiting; @return how many were claimed */
    int processPending();
}
