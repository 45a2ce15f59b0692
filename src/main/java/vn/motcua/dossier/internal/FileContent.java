package vn.motcua.dossier.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tells what a file is from its bytes, not its name: the formats a dossier accepts are PDF, JPEG, PNG and office
 * documents (Word and Excel, old and new). Anything else is refused, whatever its name says.
 */
public final class FileContent {

    public static final long MAX_SIZE = 10L * 1024 * 1024;

    private FileContent() {
    }

    /** The content type the bytes really are, or empty when they are not an accepted format. */
    public static Optional<String> typeOf(byte[] bytes) {
        if (starts(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("application/pdf");
        }
        if (starts(bytes, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of("image/jpeg");
        }
        if (starts(bytes, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of("image/png");
        }
        if (starts(bytes, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1})) {
            return Optional.of("application/msword"); // OLE2: .doc or .xls
        }
        if (starts(bytes, new byte[]{'P', 'K', 3, 4})) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            if (head.contains("word/")) {
                return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            }
            if (head.contains("xl/")) {
                return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            if (head.contains("[Content_Types].xml")) {
                return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            }
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
