package vn.motcua.audit;

/**
 * What the integrity check found: every entry holds, or the first one that does not.
 *
 * @param checked  entries checked before the break (all of them when intact)
 * @param entryId  the broken entry's id, null for a missing tail
 * @param stream   the stream of the break
 * @param seq      the number in the stream of the break (for a missing tail, the head that is missing)
 * @param problem  what is wrong, in English for the log and the command line
 */
public record Verification(boolean intact, long checked, Long entryId, String stream, Long seq, String problem) {

    public static Verification ok(long checked) {
        return new Verification(true, checked, null, null, null, null);
    }

    public static Verification broken(long checked, AuditEntry entry, String problem) {
        return new Verification(false, checked, entry.id(), entry.stream(), entry.seq(), problem);
    }

    public static Verification tail(long checked, String stream, long seq, String problem) {
        return new Verification(false, checked, null, stream, seq, problem);
    }

    @Override
    public String toString() {
        return intact ? "OK: " + checked + " entries intact"
                : "BROKEN at stream " + stream + " number " + seq + (entryId == null ? "" : " (entry id " + entryId + ")")
                + ": " + problem + "; " + checked + " entries checked before it";
    }
}
