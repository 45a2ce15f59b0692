package vn.motcua.dossier;

/**
 * A file sent with a dossier.
 *
 * @param documentIndex the procedure's required document it stands for (0-based), or null
 * @param digitised     scanned from paper at the counter
 */
public record Upload(Integer documentIndex, String fileName, byte[] content, boolean digitised) {
}
