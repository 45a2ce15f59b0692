package vn.motcua.integration.nationalportal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import vn.motcua.platform.web.VietnamTime;

/**
 * The sandbox's test dossiers, in the national portal's shape: one for a demo procedure and ward that exist
 * ("Xác nhận thông tin về cư trú" at Phường Thuận Hóa), one for a procedure no province has; each with a small PDF
 * declaration it serves under {@code /tep/}.
 */
final class SandboxDossiers {

    static final String FILES = "/tep/";
    static final String DEMO_PROCEDURE = "1.010041";
    static final String DEMO_AGENCY = "000.31.01.H57";
    static final String UNKNOWN_PROCEDURE = "9.999999";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final URI url;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    SandboxDossiers(URI url) {
        this.url = url;
    }

    byte[] document(String id) {
        return files.get(id);
    }

    /** @param at when it was submitted; null before the application's clock is known (then without NgayNop) */
    Map<String, Object> next(boolean unknownProcedure, Instant at) {
        LocalDateTime now = at == null ? null : LocalDateTime.ofInstant(at, VietnamTime.ZONE);
        String suffix = HexFormat.of().withUpperCase().formatHex(RANDOM.generateSeed(3));
        String code = "G22.46-" + (now == null ? "000000" : now.format(DAY)) + "-" + suffix;
        String fileId = "F" + suffix;
        files.put(fileId, pdf("To khai CT01 - ho so thu nghiem " + code));
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put(IntakeMapping.FULL_NAME, "Trần Thị Thử Nghiệm");
        holder.put(IntakeMapping.ID_NUMBER, "046190000" + String.format("%03d", RANDOM.nextInt(1000)));
        holder.put(IntakeMapping.BIRTH_DATE, "19900101");
        holder.put(IntakeMapping.PHONE, "0905000111");
        holder.put(IntakeMapping.EMAIL, "thu.nghiem@example.vn");
        holder.put(IntakeMapping.ADDRESS, "02 Tôn Đức Thắng, phường Thuận Hóa, thành phố Huế");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("fullName", holder.get(IntakeMapping.FULL_NAME));
        form.put("idNumber", holder.get(IntakeMapping.ID_NUMBER));
        form.put("phone", holder.get(IntakeMapping.PHONE));
        form.put("confirmationContent", "Nơi thường trú");
        form.put("deliveryMethod", "Bản điện tử qua ứng dụng VNeID/Cổng Dịch vụ công");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(IntakeMapping.DOCUMENT_ID, fileId);
        document.put(IntakeMapping.FILE_NAME, "to-khai-CT01.pdf");
        document.put(IntakeMapping.DOCUMENT_INDEX, "1");
        document.put(IntakeMapping.DOCUMENT_URL, url + FILES + fileId);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(IntakeMapping.NATIONAL_CODE, code);
        d.put(IntakeMapping.PROCEDURE, unknownProcedure ? UNKNOWN_PROCEDURE : DEMO_PROCEDURE);
        d.put(IntakeMapping.AGENCY, DEMO_AGENCY);
        if (now != null) {
            d.put(IntakeMapping.SUBMITTED, now.format(IntakeMapping.DATE_TIME));
        }
        d.put(IntakeMapping.HOLDER, holder);
        d.put(IntakeMapping.APPLICANT_TYPE, "1");
        d.put(IntakeMapping.FORM, form);
        d.put(IntakeMapping.DOCUMENTS, List.of(document));
        return d;
    }

    /** A one-page PDF with a line of (ASCII) text: a real document that the upload check parses. */
    static byte[] pdf(String text) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText("CONG DICH VU CONG QUOC GIA - HOP CAT THU NGHIEM");
                content.newLineAtOffset(0, -20);
                content.showText(text);
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
