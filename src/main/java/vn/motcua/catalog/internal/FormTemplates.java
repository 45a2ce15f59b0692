package vn.motcua.catalog.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.FormField;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.RequiredDocument;

/**
 * Renders a printable blank form (.docx) for a required document that has an official template: the national
 * heading, the template's name and one line to fill in per field of the procedure's online form. It lets an
 * applicant without a printer at home prepare on paper what the online form asks.
 */
@Component
public class FormTemplates {

    private static final String FONT = "Times New Roman";

    public byte[] render(Procedure procedure, RequiredDocument document) {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            centered(docx, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, 13);
            centered(docx, "Độc lập - Tự do - Hạnh phúc", true, 13);
            centered(docx, "", false, 13);
            centered(docx, document.template().toUpperCase(java.util.Locale.ROOT), true, 14);
            centered(docx, "(Thủ tục: " + procedure.name() + " — mã " + procedure.code() + ")", false, 12);
            centered(docx, "", false, 12);
            line(docx, "Kính gửi: " + procedure.implementingAgency() + " ..........................................", false);
            for (FormField field : procedure.formFields()) {
                String options = field.options().isEmpty() ? "" : " (" + String.join(" / ", field.options()) + ")";
                line(docx, field.label() + options + ": ......................................................................", false);
            }
            line(docx, "", false);
            line(docx, "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.", false);
            line(docx, "", false);
            XWPFParagraph sign = docx.createParagraph();
            sign.setAlignment(ParagraphAlignment.RIGHT);
            run(sign, "Làm tại ..................., ngày ..... tháng ..... năm ........", false, 12);
            XWPFParagraph signer = docx.createParagraph();
            signer.setAlignment(ParagraphAlignment.RIGHT);
            run(signer, "NGƯỜI YÊU CẦU (ký, ghi rõ họ tên)", true, 12);
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void centered(XWPFDocument docx, String text, boolean bold, int size) {
        XWPFParagraph p = docx.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, text, bold, size);
    }

    private static void line(XWPFDocument docx, String text, boolean bold) {
        run(docx.createParagraph(), text, bold, 13);
    }

    private static void run(XWPFParagraph p, String text, boolean bold, int size) {
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
    }
}
