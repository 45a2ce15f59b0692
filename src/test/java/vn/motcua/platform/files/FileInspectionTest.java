package vn.motcua.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDDocumentCatalogAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import vn.motcua.platform.files.FileInspection.Problem;
import vn.motcua.support.TestData;

/** Uploads are parsed, not sniffed: crafted polyglots and documents with active content are refused. */
public class FileInspectionTest {

    @Test
    void realDocumentsAreAccepted() throws IOException {
        assertThat(FileInspection.inspect(TestData.realPdf("Giay to")).contentType()).isEqualTo(FileInspection.PDF);
        assertThat(FileInspection.inspect(docx(null)).contentType()).isEqualTo(FileInspection.DOCX);
        assertThat(FileInspection.inspect(xlsx()).contentType()).isEqualTo(FileInspection.XLSX);
        assertThat(FileInspection.inspect(png()).contentType()).isEqualTo(FileInspection.PNG);
    }

    @Test
    void aStreamedWorkbookIsAccepted() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(10)) {
            workbook.createSheet("Thủ tục").createRow(0).createCell(0).setCellValue("Mã");
            workbook.write(out);
        }
        assertThat(FileInspection.inspect(out.toByteArray())).isEqualTo(new FileInspection.Verdict(FileInspection.XLSX, null));
    }

    @Test
    void somethingThatOnlyStartsLikeAPdfIsRefused() {
        byte[] html = "%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(FileInspection.inspect(html).accepted()).isFalse();
        byte[] noPage = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(FileInspection.inspect(noPage).accepted()).isFalse();
        // A real PDF with a web page behind it that a sniffing browser would render.
        byte[] polyglot = concat("<!DOCTYPE html><script>alert(1)</script>\n".getBytes(StandardCharsets.US_ASCII),
                TestData.realPdf("x"));
        assertThat(FileInspection.inspect(polyglot).accepted()).isFalse();
    }

    @Test
    void pdfsWithActiveContentAreRefused() throws IOException {
        assertThat(FileInspection.inspect(pdf(d -> d.getDocumentCatalog().setOpenAction(
                new PDActionJavaScript("app.alert('x')")))).problem()).isEqualTo(Problem.ACTIVE_CONTENT);
        assertThat(FileInspection.inspect(pdf(d -> {
            PDDocumentCatalogAdditionalActions actions = d.getDocumentCatalog().getActions();
            actions.setWC(new PDActionJavaScript("app.alert('x')"));
        })).problem()).isEqualTo(Problem.ACTIVE_CONTENT);
        assertThat(FileInspection.inspect(pdf(d -> {
            PDAnnotationLink link = new PDAnnotationLink();
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDComplexFileSpecification());
            link.setAction(launch);
            d.getPage(0).getAnnotations().add(link);
        })).problem()).isEqualTo(Problem.ACTIVE_CONTENT);
        assertThat(FileInspection.inspect(pdf(d -> {
            PDEmbeddedFile file = new PDEmbeddedFile(d, new java.io.ByteArrayInputStream("MZ".getBytes()));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setEmbeddedFile(file);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of("a.exe", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            d.getDocumentCatalog().setNames(names);
        })).problem()).isEqualTo(Problem.ACTIVE_CONTENT);
    }

    @Test
    void aZipWithContentTypesAndAnExeIsNotAWordDocument() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes());
            zip.putNextEntry(new ZipEntry("setup.exe"));
            zip.write("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1));
        }
        assertThat(FileInspection.inspect(out.toByteArray()).accepted()).isFalse();
        assertThat(FileInspection.inspect(docx("word/embeddings/oleObject1.bin")).problem())
                .isEqualTo(Problem.UNEXPECTED_PARTS);
        assertThat(FileInspection.inspect(docx("word/vbaProject.bin")).problem()).isEqualTo(Problem.MACROS);
    }

    @Test
    void imagesMustDecode() throws IOException {
        byte[] png = png();
        byte[] cut = java.util.Arrays.copyOf(png, 20);
        assertThat(FileInspection.inspect(cut).accepted()).isFalse();
        assertThat(FileInspection.inspect(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2}).accepted()).isFalse();
    }

    public interface Change {
        void apply(PDDocument document) throws IOException;
    }

    public static byte[] pdf(Change change) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            change.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A real .docx, optionally with one more ZIP entry added (a macro project, an embedded object). */
    static byte[] docx(String extraEntry) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("Đơn đề nghị");
            document.write(plain);
        }
        if (extraEntry == null) {
            return plain.toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out);
             java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                     new java.io.ByteArrayInputStream(plain.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(zip);
            }
            zip.putNextEntry(new ZipEntry(extraEntry));
            zip.write("MZ".getBytes());
        }
        return out.toByteArray();
    }

    static byte[] xlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Thủ tục").createRow(0).createCell(0).setCellValue("Mã");
            workbook.write(out);
        }
        return out.toByteArray();
    }

    static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
