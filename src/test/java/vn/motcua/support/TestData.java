package vn.motcua.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.motcua.catalog.FormField;
import vn.motcua.catalog.Procedure;

/** Valid input for any procedure, and submitted dossiers, for tests (accounts: {@link Accounts}). */
public final class TestData {

    public static final String PASSWORD = "test-password";

    private TestData() {
    }

    /** A value of the right kind for every field of the procedure's online form. */
    public static Map<String, String> validFormData(Procedure procedure) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField f : procedure.formFields()) {
            values.put(f.key(), switch (f.type()) {
                case DATE -> "2025-03-14";
                case NUMBER -> "3";
                case ID_NUMBER -> "046090001234";
                case PHONE -> "0912345678";
                case EMAIL -> "an.nguyen@example.vn";
                case TAX_CODE -> "3301234567";
                case SELECT -> f.options().getFirst();
                case ADDRESS -> "12 Lê Lợi, phường Thuận Hóa, thành phố Huế";
                default -> "Nguyễn Văn An";
            });
        }
        return values;
    }

    /**
     * The parts of {@code POST /api/v1/dossiers} for the procedure: valid form data, and a small PDF for each mandatory
     * document ({@code document<N>}).
     */
    /**
     * An online dossier the demo citizen submitted for the procedure at the agency, received there by the demo
     * reception officer; its code. Under a process that moves a dossier on at reception (the default) it is then at
     * the specialist's step (step 1, status PROCESSING); otherwise still at reception (RECEIVED).
     */
    public static String receivedOnline(int port, Procedure procedure, String agencyCode) {
        ApiClient.Response created = ApiClient.signIn(port, "citizen", "demo123")
                .postMultipart("/api/v1/dossiers", submission(procedure, agencyCode), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asString();
        assertThat(ApiClient.signIn(port, "reception", "demo123")
                .postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "RECEIVE")).status()).isEqualTo(200);
        return code;
    }

    /**
     * An online dossier received by the demo reception officer and so, under a default process, moved on to the
     * specialist's step (step 1, PROCESSING) in the same action; its code.
     */
    public static String atSpecialistStep(int port, Procedure procedure, String agencyCode) {
        String code = receivedOnline(port, procedure, agencyCode);
        ApiClient.Response view = ApiClient.signIn(port, "reception", "demo123").get("/api/v1/dossiers/" + code);
        assertThat(view.json().get("status").asString()).as("moved on at reception").isEqualTo("PROCESSING");
        assertThat(view.json().get("step").asInt()).as("moved on at reception").isEqualTo(1);
        return code;
    }

    /**
     * A walk-in applicant's dossier received at the agency's counter by the demo reception officer; its code. It stays
     * at reception (RECEIVED, step 0) whatever the process says about online dossiers, so a test that needs a received
     * dossier still on reception's desk uses this.
     */
    public static String receivedAtCounter(int port, Procedure procedure, String agencyCode) {
        Map<String, Object> parts = submission(procedure, agencyCode);
        @SuppressWarnings("unchecked")
        Map<String, Object> dossier = new HashMap<>((Map<String, Object>) parts.get("dossier"));
        dossier.put("applicant", Map.of("fullName", "Lê Văn Tám", "phone", "0905111222", "idNumber", "046080001111"));
        dossier.put("sets", 1);
        parts.put("dossier", dossier);
        ApiClient.Response created = ApiClient.signIn(port, "reception", "demo123")
                .postMultipart("/api/v1/dossiers", parts, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("RECEIVED");
        return created.json().get("code").asString();
    }

    public static Map<String, Object> submission(Procedure procedure, String agencyCode) {
        Map<String, Object> parts = ApiClient.parts();
        parts.put("dossier", Map.of("procedureCode", procedure.code(), "agencyCode", agencyCode,
                "formData", validFormData(procedure)));
        for (int i = 0; i < procedure.documents().size(); i++) {
            if (procedure.documents().get(i).mandatory()) {
                parts.put("document" + i, ApiClient.FilePart.pdf("giay-to-" + i + ".pdf"));
            }
        }
        return parts;
    }

    /**
     * A real one-page PDF with the text (ASCII) in an uncompressed content stream, so that a test can find and change
     * its bytes.
     */
    public static byte[] realPdf(String text) {
        return realPdf(text, 0);
    }

    /**
     * A real one-page PDF whose uncompressed page text repeats the line until the file weighs about {@code size}
     * bytes (at least once): an attachment of a realistic size for benchmarks.
     */
    public static byte[] realPdf(String text, int size) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage(
                    org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
            document.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream content = new org.apache.pdfbox.pdmodel.PDPageContentStream(
                    document, page, org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode.OVERWRITE, false)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 760);
                int written = 0;
                do {
                    content.showText(text);
                    content.newLineAtOffset(0, -0.01f);
                    written += text.length() + 20;
                } while (written < size - 1_000);
                content.endText();
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
