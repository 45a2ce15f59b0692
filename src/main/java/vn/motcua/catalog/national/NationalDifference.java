package vn.motcua.catalog.national;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import vn.motcua.catalog.Procedure;

/**
 * A fetch from the national procedure database set against the current catalog: what "Áp dụng" would do.
 *
 * @param hash       of the fetched content and of the catalog it was compared with; applying needs the same
 * @param stale      the catalog changed since the preview, or it was applied, or it is too old: fetch again
 * @param duplicates procedures the answer listed more than once (each is applied once)
 */
public record NationalDifference(UUID id, String request, String hash, List<Entry> entries, List<String> unknown,
                                 int duplicates, String createdBy, OffsetDateTime createdAt,
                                 OffsetDateTime appliedAt, boolean stale) {

    public enum Kind { NEW, CHANGED, UNCHANGED, INVALID }

    /** One procedure: a field that changes, worded as before and after. */
    public record Change(String field, String before, String after) {
    }

    /**
     * @param merged   what the catalog will hold: the national content with the province's own settings kept
     * @param problems why it cannot be applied ({@link Kind#INVALID})
     */
    public record Entry(String code, String name, Kind kind, List<Change> changes, List<String> problems,
                        Procedure merged, NationalProcedure national) {
    }

    public List<Entry> of(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    /** Whether "Áp dụng" would change anything. */
    public boolean applicable() {
        return !stale && appliedAt == null && entries.stream().anyMatch(e -> e.kind() == Kind.NEW || e.kind() == Kind.CHANGED);
    }
}
