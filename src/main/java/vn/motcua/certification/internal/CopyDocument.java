package vn.motcua.certification.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.stereotype.Component;

import vn.motcua.platform.files.FileInspection;
import vn.motcua.platform.pdf.HtmlPdf;

/**
 * Lays out an electronic certified copy before it is signed: the scan's pages as they are (an image becomes one A4
 * page), followed by the certification page (template {@code certification/statement}) with the statement, the
 * number in the book, the certifier and the QR code to {@code /xac-thuc}.
 */
@Component
public class CopyDocument {

    private static final float MARGIN = 28;

    private final HtmlPdf pdf;

    CopyDocument(HtmlPdf pdf) {
        this.pdf = pdf;
    }

    /** The number of pages of an accepted scan: a PDF's pages, one for an image. */
    public static int pages(byte[] scan, String contentType) {
        if (!FileInspection.PDF.equals(contentType)) {
            return 1;
        }
        try (PDDocument document = Loader.loadPDF(scan)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The copy: scan pages, then the statement page rendered with these variables. */
    public byte[] compose(byte[] scan, String contentType, Map<String, Object> statement) {
        byte[] last = pdf.render("certification/statement", statement);
        try (PDDocument copy = FileInspection.PDF.equals(contentType) ? Loader.loadPDF(scan) : imagePage(scan);
             PDDocument page = Loader.loadPDF(last)) {
            new PDFMergerUtility().appendDocument(copy, page);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDDocument imagePage(byte[] image) throws IOException {
        PDDocument document = new PDDocument();
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        PDImageXObject picture = PDImageXObject.createFromByteArray(document, image, "ban-sao");
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN, height = PDRectangle.A4.getHeight() - 2 * MARGIN;
        float scale = Math.min(width / picture.getWidth(), height / picture.getHeight());
        float w = picture.getWidth() * scale, h = picture.getHeight() * scale;
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(picture, MARGIN + (width - w) / 2, PDRectangle.A4.getHeight() - MARGIN - h, w, h);
        }
        return document;
    }
}
