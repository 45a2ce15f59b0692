package vn.motcua.platform.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Tells what an uploaded file really is by parsing it, not by its first bytes: a PDF must load (not encrypted, at
 * least one page) and carry no active content; an office document must open as one and hold only the parts such a
 * document has (no macros, no embedded programs); an image must decode. Anything else, and anything that only
 * starts like an accepted format, is refused with the reason.
 */
public final class FileInspection {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String DOC = "application/msword";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Larger images are refused before they are decoded (a small file can decode to gigabytes). */
    private static final long MAX_PIXELS = 60_000_000L;

    /**
     * What a file was found to be.
     *
     * @param contentType the accepted type, or null when refused
     * @param problem     why it was refused, or null
     */
    public record Verdict(String contentType, Problem problem) {

        public boolean accepted() {
            return problem == null;
        }

        static Verdict of(String type) {
            return new Verdict(type, null);
        }

        static Verdict refused(Problem problem) {
            return new Verdict(null, problem);
        }
    }

    /** Why a file is refused; each names a message {@code file.problem.<NAME>} taking the file name as {0}. */
    public enum Problem {
        NOT_ACCEPTED, UNREADABLE, ENCRYPTED, NO_PAGES, ACTIVE_CONTENT, MACROS, UNEXPECTED_PARTS, HIDDEN_MARKUP;

        public String messageKey() {
            return "file.problem." + name();
        }
    }

    private FileInspection() {
    }

    public static Verdict inspect(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Verdict.refused(Problem.NOT_ACCEPTED);
        }
        if (hidesMarkup(bytes)) {
            // A browser sniffing the first bytes would render it as a web page.
            return Verdict.refused(Problem.HIDDEN_MARKUP);
        }
        if (starts(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return PdfCheck.inspect(bytes);
        }
        if (starts(bytes, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return image(bytes, JPEG);
        }
        if (starts(bytes, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return image(bytes, PNG);
        }
        if (starts(bytes, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1})) {
            return oldOffice(bytes);
        }
        if (starts(bytes, new byte[]{'P', 'K', 3, 4})) {
            return OfficeOpenXmlCheck.inspect(bytes);
        }
        return Verdict.refused(Problem.NOT_ACCEPTED);
    }

    private static boolean hidesMarkup(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        for (String tag : new String[]{"<html", "<script", "<body", "<!doctype", "<iframe", "<svg", "<head", "<img"}) {
            if (head.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    private static Verdict image(byte[] bytes, String type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Verdict.refused(Problem.UNREADABLE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    return Verdict.refused(Problem.UNREADABLE);
                }
                BufferedImage image = reader.read(0);
                return image == null ? Verdict.refused(Problem.UNREADABLE) : Verdict.of(type);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Verdict.refused(Problem.UNREADABLE);
        }
    }

    /** A .doc or .xls: a compound file without a macro project or embedded objects. */
    private static Verdict oldOffice(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryEntry root = fs.getRoot();
            boolean word = root.hasEntry("WordDocument"), excel = root.hasEntry("Workbook") || root.hasEntry("Book");
            if (!word && !excel) {
                return Verdict.refused(Problem.NOT_ACCEPTED);
            }
            if (hasEntry(root, "Macros") || hasEntry(root, "_VBA_PROJECT_CUR") || hasEntry(root, "VBA")
                    || hasEntry(root, "_VBA_PROJECT")) {
                return Verdict.refused(Problem.MACROS);
            }
            if (hasEntry(root, "ObjectPool") || hasEntry(root, "MBD")) {
                return Verdict.refused(Problem.UNEXPECTED_PARTS);
            }
            return Verdict.of(word ? DOC : "application/vnd.ms-excel");
        } catch (IOException | RuntimeException e) {
            return Verdict.refused(Problem.UNREADABLE);
        }
    }

    private static boolean hasEntry(DirectoryEntry directory, String prefix) {
        for (Entry entry : directory) {
            if (entry.getName().startsWith(prefix)) {
                return true;
            }
            if (entry instanceof DirectoryEntry sub && hasEntry(sub, prefix)) {
                return true;
            }
        }
        return false;
    }

    static boolean starts(byte[] bytes, byte[] magic) {
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
