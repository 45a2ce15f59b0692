package vn.motcua.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import vn.motcua.result.signing.DemoAuthority;
import vn.motcua.result.signing.PadesSigner;
import vn.motcua.result.signing.PadesVerifier;
import vn.motcua.result.signing.SigningKey;
import vn.motcua.result.signing.Verdict;

/**
 * Cost of signing and verifying one electronic result. Creates a demo authority and an agency key, builds a 2-page
 * A4 result (a decision in Liberation Serif, embedded as a subset with Vietnamese), warms up, then signs it N times
 * and verifies the signed file N times, sequentially, and prints p50/p95/p99 and the file sizes.
 *
 * <p>Run: {@code bench/signature-bench.sh [N]} (default 200).
 */
public final class SignatureBench {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        SigningKey authority = DemoAuthority.createAuthority("MộtCửa Demo Root CA", Instant.now());
        SigningKey agency = DemoAuthority.issue(authority, "Ủy ban nhân dân phường Thuận Hóa",
                "Ủy ban nhân dân thành phố Huế", Instant.now());
        List<X509Certificate> trusted = List.of(authority.certificate());
        byte[] pdf = resultPdf();
        Instant signingTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        byte[] signed = null;
        for (int i = 0; i < Math.max(50, count / 4); i++) {
            signed = sign(pdf, agency, signingTime);
            require(PadesVerifier.verify(signed, trusted, Instant.now()));
        }

        long[] signing = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            signed = sign(pdf, agency, signingTime);
            signing[i] = System.nanoTime() - start;
        }
        long[] verifying = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            Verdict verdict = PadesVerifier.verify(signed, trusted, Instant.now());
            verifying[i] = System.nanoTime() - start;
            require(verdict);
        }

        System.out.printf("result PDF: 2 pages, %,d bytes unsigned, %,d bytes signed (+%,d)%n", pdf.length,
                signed.length, signed.length - pdf.length);
        Latencies.print("PadesSigner.sign (PAdES B-B, RSA 2048, SHA-256)", "signatures", signing);
        Latencies.print("PadesVerifier.verify (digest, CMS, chain)", "verifications", verifying);
    }

    private static byte[] sign(byte[] pdf, SigningKey key, Instant signingTime) {
        return PadesSigner.sign(pdf, key, "Ủy ban nhân dân phường Thuận Hóa",
                "Kết quả giải quyết hồ sơ H46.15-260518-0042", "Phường Thuận Hóa, thành phố Huế", signingTime);
    }

    private static void require(Verdict verdict) {
        if (!verdict.valid()) {
            throw new IllegalStateException("Expected a valid signature: " + verdict);
        }
    }

    /** A two-page decision, as an agency would issue: heading, a dozen articles, signature block. */
    private static byte[] resultPdf() throws IOException {
        try (PDDocument document = new PDDocument();
                InputStream regular = font("liberation/LiberationSerif-Regular.ttf");
                InputStream bold = font("liberation/LiberationSerif-Bold.ttf")) {
            PDFont body = PDType0Font.load(document, regular);
            PDFont heading = PDType0Font.load(document, bold);
            for (int pageNumber = 1; pageNumber <= 2; pageNumber++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = 780;
                    if (pageNumber == 1) {
                        line(content, heading, 12, 70, y, "ỦY BAN NHÂN DÂN");
                        y = line(content, heading, 12, 290, y, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                        line(content, heading, 12, 70, y, "PHƯỜNG THUẬN HÓA");
                        y = line(content, heading, 12, 320, y, "Độc lập - Tự do - Hạnh phúc");
                        line(content, body, 12, 70, y - 10, "Số: 1234/QĐ-UBND");
                        y = line(content, body, 12, 300, y - 10, "Thuận Hóa, ngày 18 tháng 5 năm 2026");
                        y = line(content, heading, 14, 230, y - 20, "QUYẾT ĐỊNH");
                        y = line(content, heading, 12, 120, y, "Về việc cấp giấy phép xây dựng nhà ở riêng lẻ");
                    }
                    for (int article = 1; article <= 6 && y > 120; article++) {
                        int number = (pageNumber - 1) * 6 + article;
                        y = line(content, heading, 12, 70, y - 12, "Điều " + number + ".");
                        for (String text : PARAGRAPH) {
                            y = line(content, body, 12, 70, y, text);
                        }
                    }
                    if (pageNumber == 2) {
                        y = line(content, heading, 12, 330, Math.min(y - 20, 200), "TM. ỦY BAN NHÂN DÂN");
                        line(content, heading, 12, 350, y, "CHỦ TỊCH");
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static final String[] PARAGRAPH = {
            "Cấp giấy phép xây dựng cho ông Nguyễn Văn An, địa chỉ thường trú tại số 12 đường Lê Lợi,",
            "phường Thuận Hóa, thành phố Huế, được xây dựng nhà ở riêng lẻ trên thửa đất số 245, tờ bản",
            "đồ số 18, diện tích xây dựng 96,5 m², tổng diện tích sàn 289,5 m², chiều cao 11,8 m, ba tầng.",
            "Chủ đầu tư có trách nhiệm thực hiện đúng nội dung giấy phép và các quy định hiện hành.",
    };

    private static float line(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
        return y - size * 1.5f;
    }

    private static InputStream font(String resource) {
        InputStream in = SignatureBench.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Font " + resource + " is not on the classpath (openpdf-fonts-extra)");
        }
        return in;
    }
}
