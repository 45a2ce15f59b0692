package vn.motcua.platform.files;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A file name as people send it, made safe to store, show and send back in a Content-Disposition header: path parts
 * dropped, Unicode in NFC, control characters, bidirectional overrides and isolates (which make {@code exe.pdf}
 * look like {@code fdp.exe}) removed, characters reserved on common file systems replaced, and the length capped
 * with the extension kept. A name is never a reason to refuse a file.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 120;
    private static final int MAX_EXTENSION = 10;
    private static final String FALLBACK = "tep";
    // Compiled once: String.replaceAll compiles its pattern on every call, a measurable share of each upload.
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EDGE_DOTS_AND_SPACES = Pattern.compile("^[.\\s]+|[.\\s]+$");
    private static final Set<String> DEVICE_NAMES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");

    /** The extensions that fit each accepted content type, the usual one first. */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            FileInspection.PDF, List.of("pdf"),
            FileInspection.JPEG, List.of("jpg", "jpeg"),
            FileInspection.PNG, List.of("png"),
            FileInspection.DOC, List.of("doc"),
            "application/vnd.ms-excel", List.of("xls"),
            FileInspection.DOCX, List.of("docx"),
            FileInspection.XLSX, List.of("xlsx"));

    private FileNames() {
    }

    public static String clean(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder();
        nfc.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.CONTROL || isBidiControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.isSurrogate((char) c) && c <= 0xFFFF) {
                return;
            }
            kept.appendCodePoint("<>:\"|?*".indexOf(c) >= 0 ? '_' : c);
        });
        String base = kept.toString();
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        base = EDGE_DOTS_AND_SPACES.matcher(SPACES.matcher(base.strip()).replaceAll(" ")).replaceAll("");
        if (base.isEmpty()) {
            return FALLBACK;
        }
        int dot = base.lastIndexOf('.');
        String stem = dot > 0 ? base.substring(0, dot) : base;
        String extension = dot > 0 ? base.substring(dot) : "";
        if (extension.length() > MAX_EXTENSION + 1) {
            stem = base;
            extension = "";
        }
        if (DEVICE_NAMES.contains(stem.toLowerCase(Locale.ROOT))) {
            stem = "_" + stem;
        }
        int room = MAX_LENGTH - extension.length();
        if (stem.codePointCount(0, stem.length()) > room) {
            stem = stem.substring(0, stem.offsetByCodePoints(0, room)).strip();
        }
        return stem + extension;
    }

    /**
     * A clean name whose extension says what the content is: {@code hoso.exe} holding a PDF becomes
     * {@code hoso.exe.pdf}, so no program takes the file for something else when it is downloaded. A name with a
     * fitting extension (either spelling, any case) is kept as it is.
     */
    public static String withExtensionOf(String cleanName, String contentType) {
        List<String> fitting = EXTENSIONS.getOrDefault(contentType, List.of());
        if (fitting.isEmpty()) {
            return cleanName;
        }
        int dot = cleanName.lastIndexOf('.');
        String extension = dot > 0 ? cleanName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        if (fitting.contains(extension)) {
            return cleanName;
        }
        String suffix = "." + fitting.getFirst();
        String stem = cleanName.codePointCount(0, cleanName.length()) + suffix.length() > MAX_LENGTH
                ? cleanName.substring(0, cleanName.offsetByCodePoints(0, MAX_LENGTH - suffix.length())) : cleanName;
        return stem + suffix;
    }

    /** U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates), U+200E/U+200F (marks), U+061C. */
    private static boolean isBidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}
