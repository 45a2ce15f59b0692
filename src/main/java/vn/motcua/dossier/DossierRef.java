package vn.motcua.dossier;

/**
 * What listeners of dossier events need to know about the dossier, so that none of them has to call back.
 *
 * @param code                the dossier code, e.g. {@code 000.31.01.H57-251120-0001}
 * @param receivingAgencyCode where it was received (any counter of the province)
 * @param competentAgencyCode the agency that decides it
 */
public record DossierRef(String code, String procedureCode, String procedureName, String receivingAgencyCode,
                         String competentAgencyCode, String competentAgencyName, Channel channel,
                         Applicant applicant) {
}
