package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dossier as the people allowed to see it see it: its facts, files, timeline, pauses and apologies, where it is in
 * its process, and what the viewer may do to it now.
 *
 * @param timeliness EARLY, ON_TIME or LATE once finished; IN_TIME, DUE_SOON or OVERDUE while pending; null before
 *                   reception
 * @param stepDueAt  when the current step should be done, by its share of the legal time; null when not running
 * @param actions    the actions the viewer may take now
 */
public record DossierView(
        String code,
        DossierStatus status,
        Channel channel,
        String procedureCode,
        String procedureName,
        int processingDays,
        String receivingAgency,
        String competentAgency,
        String currentAgency,
        int step,
        String stepName,
        Instant stepDueAt,
        int processVersion,
        Applicant applicant,
        Map<String, String> formData,
        int sets,
        Instant createdAt,
        Instant submittedAt,
        Instant receivedAt,
        Instant dueAt,
        Instant legalDueAt,
        Instant resultAt,
        Instant finishedAt,
        String timeliness,
        String returnMethod,
        String parentCode,
        List<String> childCodes,
        List<FileInfo> files,
        List<HistoryEntry> history,
        List<PauseInfo> pauses,
        List<ApologyInfo> apologies,
        Set<DossierAction> actions) {

    /**
     * @param signatureStatus what the signature check said of an uploaded PDF that carries signatures (VALID,
     *                        ALTERED, UNTRUSTED, UNREADABLE), null for any other file
     * @param signatureSigner who signed it, as the signature says
     */
    public record FileInfo(long id, Integer documentIndex, String kind, String fileName, String contentType, long size,
                           String sha256, boolean digitised, Instant uploadedAt, String signatureStatus,
                           String signatureSigner) {
    }

    public record HistoryEntry(Instant at, String actor, String actorName, String agencyCode, String action,
                               String fromStatus, String toStatus, Integer fromStep, Integer toStep, String note) {
    }

    public record PauseInfo(Instant startedAt, Instant endedAt, List<String> items, String note) {
    }

    /** @param signerName who signs the apology letter (form 04) and {@code signerTitle} their title; null before */
    public record ApologyInfo(Instant at, Instant previousDueAt, Instant newDueAt, String reason, String signerName,
                              String signerTitle) {
    }

    public boolean may(DossierAction action) {
        return actions.contains(action);
    }
}
