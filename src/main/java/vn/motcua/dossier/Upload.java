package vn.motcua.dossier;

/**
 * A file sent with a dossier.
 *
 * @param documentIndex the procedure's required document it stands for (0-based), or null
 * @param digitised     scanned from paper at the counter
 * @param fromStore     taken from the applicant's data store rather than sent again
 */
public record Upload(Integer documentIndex, String fileName, byte[] content, boolean digitised, boolean fromStore) {

    public Upload(Integer documentIndex, String fileName, byte[] content, boolean digitised) {
        this(documentIndex, fileName, content, digitised, false);
    }
}
