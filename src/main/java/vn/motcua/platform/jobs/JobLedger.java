package vn.motcua.platform.jobs;

import java.util.UUID;

/**
 * Where one kind of background job keeps its rows: the owning module's repository. The rows hold a state
 * ({@code RUNNING}, {@code DONE}, {@code FAILED}), the progress and an error for the person who started the job.
 */
public interface JobLedger {

    /** Marks the job {@code FAILED} with the message the person who started it reads. */
    void fail(UUID id, String error);

    /**
     * Marks {@code FAILED}, with the message, the jobs still running an hour after they started: their node stopped
     * and they will never finish.
     */
    void failInterrupted(String error);
}
