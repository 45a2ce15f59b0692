package vn.motcua.dossier;

/**
 * A file of a dossier as another module takes it after a dossier event: a document the reception accepted, a
 * supplement, or the result.
 *
 * @param documentName the required document it stands for (from the procedure), or null
 * @param kind         DOCUMENT, SUPPLEMENT or RESULT
 */
public record AcceptedFile(String kind, Integer documentIndex, String documentName, String fileName,
                           String contentType, String sha256, byte[] content) {
}
