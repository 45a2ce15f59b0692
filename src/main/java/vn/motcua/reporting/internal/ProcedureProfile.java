package vn.motcua.reporting.internal;

import java.util.List;

import vn.motcua.catalog.ProcedureLevel;

/**
 * What the index needs to know of a procedure of the catalog.
 *
 * @param online      offers online service (accepts online submission, fully or partly online)
 * @param feeBearing  has a fee or charge above zero
 * @param fullContent published with every part the catalog asks for
 * @param announcedOnTime its announcing decision came at least 5 working days before its legal basis took effect
 *                        (CKMB1); null without both dates
 * @param publishedOnTime first published here within 5 working days of that decision (CKMB2); null without both
 *                        dates
 */
public record ProcedureProfile(String code, List<String> agencies, ProcedureLevel level, boolean online,
                               boolean feeBearing, boolean fullContent, Boolean announcedOnTime,
                               Boolean publishedOnTime) {

    /** Decided by one of these agencies: listed, or a commune-level one without listed agencies in any commune. */
    public boolean decidedBy(java.util.Set<String> agencyCodes, boolean includesCommune) {
        if (agencies.isEmpty()) {
            return level == ProcedureLevel.COMMUNE && includesCommune;
        }
        return agencies.stream().anyMatch(agencyCodes::contains);
    }
}
