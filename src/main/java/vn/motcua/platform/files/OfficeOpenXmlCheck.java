package vn.motcua.platform.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import vn.motcua.platform.files.FileInspection.Problem;
import vn.motcua.platform.files.FileInspection.Verdict;

/**
 * A Word (.docx) or Excel (.xlsx) file: a ZIP that POI opens as the document, holding only the parts such a document
 * has (XML, relationships, pictures, fonts, printer settings). A macro project ({@code vbaProject.bin}, a .docm or
 * .xlsm main part), embedded objects, ActiveX controls, or any other file (an {@code .exe} beside a
 * {@code [Content_Types].xml}) are refused.
 */
final class OfficeOpenXmlCheck {

    private static final Pattern ALLOWED_PART = Pattern.compile(
            "(?i)(\\[Content_Types]\\.xml|.*\\.(xml|rels|vml|png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|odttf|fntdata)"
                    + "|xl/printerSettings/printerSettings\\d+\\.bin|word/printerSettings/printerSettings\\d+\\.bin)");
    private static final int MAX_ENTRIES = 5_000;
    private static final long MAX_UNZIPPED = 200L * 1024 * 1024;

    private OfficeOpenXmlCheck() {
    }

    static Verdict inspect(byte[] bytes) {
        Set<String> names = new HashSet<>();
        // The central directory, as office programs read it (a streamed workbook has no sizes in its local headers).
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            long unzipped = 0;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String name = entry.getName();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith("vbaproject.bin") || lower.contains("vbadata")) {
                    return Verdict.refused(Problem.MACROS);
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (!ALLOWED_PART.matcher(name).matches() || lower.contains("/embeddings/")
                        || lower.contains("/activex/") || name.contains("..") || name.startsWith("/")) {
                    return Verdict.refused(Problem.UNEXPECTED_PARTS);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    unzipped += drain(in);
                }
                if (!names.add(name) || names.size() > MAX_ENTRIES || unzipped > MAX_UNZIPPED) {
                    return Verdict.refused(Problem.UNREADABLE);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Verdict.refused(Problem.UNREADABLE);
        }
        boolean word = names.contains("word/document.xml"), excel = names.contains("xl/workbook.xml");
        if (!names.contains("[Content_Types].xml") || word == excel) {
            return Verdict.refused(Problem.NOT_ACCEPTED);
        }
        return opens(bytes, word);
    }

    /** POI opens it as the document its main part says, and that part is not the macro-enabled kind. */
    private static Verdict opens(byte[] bytes, boolean word) {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
            for (PackagePart part : pkg.getParts()) {
                String type = part.getContentType().toLowerCase(Locale.ROOT);
                if (type.contains("macroenabled") || type.contains("vbaproject")) {
                    return Verdict.refused(Problem.MACROS);
                }
                if (type.contains("oleobject") || type.contains("activex")) {
                    return Verdict.refused(Problem.UNEXPECTED_PARTS);
                }
            }
            // Parsed as the document, not only as a ZIP; not closed, since closing would write the package back.
            if (word) {
                new XWPFDocument(pkg).getParagraphs();
                return Verdict.of(FileInspection.DOCX);
            }
            new XSSFWorkbook(pkg).getNumberOfSheets();
            return Verdict.of(FileInspection.XLSX);
        } catch (Exception e) {
            return Verdict.refused(Problem.UNREADABLE);
        } finally {
            if (pkg != null) {
                pkg.revert();
            }
        }
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_UNZIPPED) {
                break;
            }
        }
        return total;
    }
}
