package vn.motcua.integration.nationalportal;

import java.util.Optional;

/** The national portal's code of a dossier that came from it ({@code MaHoSo} there), kept beside our own code. */
public interface NationalCodes {

    /** The national code of the dossier with this (our) code, if it came from the national portal. */
    Optional<String> of(String dossierCode);
}
