package vn.motcua.dossier.internal;

import vn.motcua.platform.files.FileInspection;

/**
 * The largest file a dossier accepts. What a file is, {@link FileInspection} tells by parsing it (PDF, JPEG, PNG,
 * Word and Excel, old and new), not from its name or its first bytes.
 */
public final class FileContent {

    public static final long MAX_SIZE = 10L * 1024 * 1024;

    private FileContent() {
    }
}
