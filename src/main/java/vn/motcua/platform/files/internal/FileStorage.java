package vn.motcua.platform.files.internal;

import java.util.List;

import vn.motcua.platform.files.FileStore;
import vn.motcua.platform.security.Hashes;

/** A file store as the move command sees it: it can also list its keys in order and remove one. */
public interface FileStorage extends FileStore {

    /** Up to {@code limit} keys greater than {@code after} ("" for the first), in ascending order. */
    List<String> keysAfter(String after, int limit);

    void delete(String sha256);

    /** "database" or "s3 (bucket ...)", for the command's report. */
    String describe();

    /** The bytes unless they do not hash to the key. */
    static byte[] verified(String sha256, byte[] content) {
        String actual = Hashes.sha256Hex(content);
        if (!actual.equals(sha256)) {
            throw new CorruptFileException(sha256, actual);
        }
        return content;
    }

    /** Keys are lower-case hex SHA-256; anything else is refused before it reaches a query or an object key. */
    static String checked(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256 key: " + sha256);
        }
        return sha256;
    }
}
