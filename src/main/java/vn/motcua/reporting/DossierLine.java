package vn.motcua.reporting;

import java.time.Instant;

/** A dossier behind a figure, as the read model knows it; the dossier's own page shows the rest to those allowed. */
public record DossierLine(String code, String agencyCode, String procedureCode, String channel, Instant receivedAt,
                          Instant legalDueAt, Instant endedAt, String outcome, String timeliness) {
}
