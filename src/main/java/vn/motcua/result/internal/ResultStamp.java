package vn.motcua.result.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import vn.motcua.platform.qr.QrCodes;

/**
 * Marks a result document before it is signed: a QR code to its verification page and a few lines in the bottom
 * margin of the last page saying what it is, where to check it, and, for a demo key, that the signature is a demo.
 * The mark is inside what the signature covers, so it cannot be removed without the check failing.
 */
public final class ResultStamp {

    private static final float QR_SIZE = 56, MARGIN = 24, FONT_SIZE = 7.5f, LEADING = 9.5f;

    private ResultStamp() {
    }

    /** The PDF with the mark on its last page; IllegalArgumentException if it cannot be read as a PDF. */
    public static byte[] apply(byte[] pdf, String verifyUrl, List<String> lines) {
        try (PDDocument document = load(pdf)) {
            PDPage page = document.getPage(document.getNumberOfPages() - 1);
            PDRectangle box = page.getCropBox();
            PDImageXObject qr = PDImageXObject.createFromByteArray(document, QrCodes.png(verifyUrl), "qr.png");
            PDType0Font font;
            try (InputStream in = ResultStamp.class.getClassLoader()
                    .getResourceAsStream("liberation/LiberationSerif-Regular.ttf")) {
                if (in == null) {
                    throw new IllegalStateException("Font liberation/LiberationSerif-Regular.ttf is missing");
                }
                font = PDType0Font.load(document, in, true);
            }
            try (PDPageContentStream content = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                float x = box.getLowerLeftX() + MARGIN, y = box.getLowerLeftY() + MARGIN / 2;
                content.drawImage(qr, x, y, QR_SIZE, QR_SIZE);
                content.beginText();
                content.setFont(font, FONT_SIZE);
                content.newLineAtOffset(x + QR_SIZE + 6, y + QR_SIZE - FONT_SIZE);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -LEADING);
                }
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDDocument load(byte[] pdf) {
        try {
            PDDocument document = Loader.loadPDF(pdf);
            if (document.getNumberOfPages() == 0 || document.isEncrypted()) {
                document.close();
                throw new IllegalArgumentException("The PDF has no page or is encrypted");
            }
            return document;
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a readable PDF", e);
        }
    }
}
