package vn.motcua.dossier.internal;

import java.util.Optional;

import vn.motcua.platform.files.FileInspection;

/**
 * Tells what a file is by parsing it, not from its name or its first bytes: the formats a dossier accepts are PDF,
 * JPEG, PNG and office documents (Word and Excel, old and new), each checked by {@link FileInspection}. Anything
 * else, or anything with active content, is refused.
 */
public final class FileContent {

    public static final long MAX_SIZE = 10L * 1024 * 1024;

    private FileContent() {
    }

    /** What the bytes really are, or why they are refused. */
    public static FileInspection.Verdict inspect(byte[] bytes) {
        return FileInspection.inspect(bytes);
    }

    /** The content type the bytes really are, or empty when they are not an accepted format. */
    public static Optional<String> typeOf(byte[] bytes) {
        return FileInspection.typeOf(bytes);
    }
}
