package vn.motcua.dossier;

/**
 * Whether a dossier's fees are paid, asked before the steps its process makes wait for payment (leaving reception,
 * or handing over the result). Implemented by the payment module; without one, nothing waits.
 */
public interface FeeGate {

    /** True when everything assessed on the dossier is paid, or nothing is due. */
    boolean paid(DossierFacts dossier);
}
