package vn.motcua.platform.files;

import java.util.Optional;

/**
 * Where the bytes of every kept file live (attachments, results, wallet documents), addressed by their SHA-256: the
 * same bytes are stored once however many dossiers and data stores refer to them. Modules keep the hash in their own
 * tables and read the bytes through this port. Which store stands behind it ({@code motcua.files.store}: the
 * database or an S3-compatible object store) is configuration only.
 */
public interface FileStore {

    /** Stores the bytes unless they are already there; returns their key, the lower-case hex SHA-256. */
    String put(byte[] content);

    /**
     * Stores the bytes a module recorded under {@code sha256}, refusing them if that is not their hash (a wrong key
     * would hand other bytes to whoever asks for it).
     */
    default void put(byte[] content, String sha256) {
        String key = put(content);
        if (!key.equals(sha256)) {
            throw new IllegalArgumentException("sha256 " + sha256 + " is not the content's hash " + key);
        }
    }

    /**
     * The bytes stored under the key, checked against it; empty if there are none.
     *
     * @throws CorruptFileException if what the store returned does not hash to the key
     */
    Optional<byte[]> get(String sha256);

    boolean exists(String sha256);

    /** What the store returned is not the file it was asked for: storage damage, never a person's mistake. */
    final class CorruptFileException extends IllegalStateException {
        public CorruptFileException(String sha256, String actual) {
            super("Stored file " + sha256 + " reads back with SHA-256 " + actual);
        }
    }
}
