package vn.motcua.dossier.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static vn.motcua.dossier.forms.SampleForms.ANH;
import static vn.motcua.dossier.forms.SampleForms.CENTRE;
import static vn.motcua.dossier.forms.SampleForms.CODE;
import static vn.motcua.dossier.forms.SampleForms.TRACKING_URL;
import static vn.motcua.dossier.forms.SampleForms.hue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import vn.motcua.dossier.forms.FormData.Applicant;
import vn.motcua.dossier.forms.FormData.LogRow;
import vn.motcua.platform.qr.QrCodes;

/** Each official form rendered from sample data, read back with PDFBox and checked the way an officer would. */
class OfficialFormsTest {

    static final OfficialForms FORMS = SampleForms.renderer();

    /** Every letter of Vietnamese: the vowels with each of the five tone marks, đ, in both cases. */
    static final String VIETNAMESE_LETTERS = """
            aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ \
            AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ Đ""";

    static final float A5_WIDTH = 419.53f;
    static final float A5_HEIGHT = 595.28f;
    static final float A4_WIDTH = 595.28f;
    static final float A4_HEIGHT = 841.89f;

    @Test
    void receiptSlipHoldsWhatTheApplicantNeedsToCollectTheResult() {
        Pdf pdf = Pdf.of(FORMS.receiptSlip(SampleForms.receiptSlip()));

        pdf.assertPages(1, A5_WIDTH, A5_HEIGHT);
        pdf.assertNationalHeading("01", "Huế, ngày 19 tháng 9 năm 2025");
        pdf.assertContains(
                "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                "Số: 125/GTN",
                "Mã hồ sơ: " + CODE,
                "tiếp nhận hồ sơ của: Nguyễn Thị Ánh",
                "Địa chỉ: 27 Lê Lợi, phường Thuận Hóa, thành phố Huế",
                "Số điện thoại: 0905 123 456",
                "anh.nguyen@example.vn",
                "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
                "TT Tên giấy tờ Bản chính Bản sao",
                "1 Tờ khai đăng ký khai sinh 1 0",
                "2 Giấy chứng sinh 1 0",
                "3 Giấy chứng nhận kết hôn của cha, mẹ 0 2",
                "Số lượng hồ sơ: 01 bộ",
                "Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc",
                "Thời gian nhận hồ sơ: 08:05 ngày 19/09/2025",
                "Thời gian trả kết quả giải quyết hồ sơ: 16:30 ngày 24/09/2025",
                "Đăng ký nhận kết quả tại: Quầy số 1, Trung tâm Phục vụ hành chính công phường Thuận Hóa",
                "Vào Sổ theo dõi hồ sơ, Quyển số: 03, Số thứ tự: 125",
                "NGƯỜI NỘP HỒ SƠ", "Trần Quốc Huy",
                "NGƯỜI TIẾP NHẬN HỒ SƠ", "Lê Thị Hường",
                "Tra cứu hồ sơ: " + TRACKING_URL);
    }

    @Test
    void receiptSlipCarriesAQrCodeThatLeadsToTheTrackingPage() {
        Pdf pdf = Pdf.of(FORMS.receiptSlip(SampleForms.receiptSlip()));

        List<BufferedImage> images = pdf.images();
        assertThat(images).as("images in form 01").hasSize(1);
        assertThat(decodeQr(images.getFirst())).isEqualTo(TRACKING_URL);
    }

    @Test
    void qrCodePngDecodesToItsText() throws IOException {
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(QrCodes.png(TRACKING_URL)));

        assertThat(decodeQr(png)).isEqualTo(TRACKING_URL);
        assertThat(QrCodes.dataUri("x")).startsWith("data:image/png;base64,iVBORw0KGgo");
    }

    @Test
    void receiptSlipCannotGoWithoutItsQrCode() {
        FormData.ReceiptSlip slip = SampleForms.receiptSlip();
        assertThatThrownBy(() -> new FormData.ReceiptSlip(slip.issuer(), slip.number(), slip.dossierCode(),
                slip.applicant(), slip.submittedBy(), slip.request(), slip.documents(), slip.sets(),
                slip.processingTime(), slip.receivedAt(), slip.returnAt(), slip.collectAt(), slip.log(),
                slip.officerName(), null)).isInstanceOf(NullPointerException.class).hasMessage("trackingUrl");
    }

    @Test
    void supplementRequestListsEachItemWithItsReasonAndWhomToCall() {
        Pdf pdf = Pdf.of(FORMS.supplementRequest(SampleForms.supplementRequest()));

        pdf.assertPages(1, A5_WIDTH, A5_HEIGHT);
        pdf.assertNationalHeading("02", "Huế, ngày 19 tháng 9 năm 2025");
        pdf.assertContains(
                "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
                "Số: 17/PBS",
                "Mã hồ sơ: " + CODE,
                "Kính gửi: Nguyễn Thị Ánh",
                "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
                "1. Bản sao Giấy chứng nhận kết hôn của cha, mẹ",
                "Lý do: Bản đã nộp bị mờ, không đọc được số đăng ký",
                "2. Tờ khai đăng ký khai sinh có chữ ký của người đi đăng ký",
                "Lý do: Tờ khai chưa ký",
                "liên hệ với Lê Thị Hường, số điện thoại 0234 3822 111",
                "NGƯỜI HƯỚNG DẪN");
        assertThat(pdf.images()).as("form 02 with a tracking URL has its QR code").hasSize(1);
    }

    @Test
    void refusalGivesTheSpecificReason() {
        Pdf pdf = Pdf.of(FORMS.refusal(SampleForms.refusal()));

        pdf.assertPages(1, A5_WIDTH, A5_HEIGHT);
        pdf.assertNationalHeading("03", "Huế, ngày 19 tháng 9 năm 2025");
        pdf.assertContains(
                "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
                "Mã hồ sơ: " + CODE,
                "tiếp nhận hồ sơ của: Nguyễn Thị Ánh",
                "Nội dung yêu cầu giải quyết: Cấp bản sao trích lục khai sinh",
                "thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
                "Việc khai sinh không đăng ký tại phường Thuận Hóa; đề nghị Ông/Bà nộp hồ sơ tại nơi đã đăng ký khai sinh.",
                "NGƯỜI TIẾP NHẬN HỒ SƠ", "Lê Thị Hường");
        assertThat(pdf.images()).as("form 03 without a tracking URL has no QR code").isEmpty();
        assertThat(pdf.text()).doesNotContain("Tra cứu hồ sơ");
    }

    @Test
    void apologyGivesTheOriginalAndTheNewReturnDate() {
        Pdf pdf = Pdf.of(FORMS.apology(SampleForms.apology()));

        pdf.assertPages(1, A5_WIDTH, A5_HEIGHT);
        pdf.assertNationalHeading("04", "Huế, ngày 23 tháng 9 năm 2025");
        pdf.assertContains(
                "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
                "Số: 212/UBND-VP",
                "Kính gửi: Nguyễn Thị Ánh",
                "Ngày 19/09/2025, Trung tâm Phục vụ hành chính công phường Thuận Hóa tiếp nhận hồ sơ",
                "thủ tục Đăng ký khai sinh",
                "mã hồ sơ " + CODE,
                "16:30 ngày 24/09/2025",
                "Lý do: Cần xác minh thông tin về nơi sinh với Ủy ban nhân dân xã Phú Vinh",
                "trân trọng xin lỗi Ông/Bà",
                "sẽ được trả cho Ông/Bà vào 16:30 ngày 01/10/2025",
                "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Đức Thắng");
    }

    @Test
    void apologyMustSetALaterDate() {
        FormData.Apology a = SampleForms.apology();
        assertThatThrownBy(() -> new FormData.Apology(a.issuer(), a.number(), a.dossierCode(), a.issuedAt(),
                a.applicant(), a.procedure(), a.receivedAt(), a.originalDueAt(), a.reason(), a.originalDueAt(),
                a.signer(), a.trackingUrl())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stopNoticeGivesTheReason() {
        Pdf pdf = Pdf.of(FORMS.stopNotice(SampleForms.stopNotice()));

        pdf.assertPages(1, A5_WIDTH, A5_HEIGHT);
        pdf.assertNationalHeading("05", "Huế, ngày 22 tháng 9 năm 2025");
        pdf.assertContains(
                "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
                "Số: 15/TB-UBND",
                "Mã hồ sơ: " + CODE,
                "Kính gửi: Nguyễn Thị Ánh",
                "Ngày 19/09/2025",
                "thông báo dừng giải quyết hồ sơ nêu trên với lý do như sau:",
                "Người yêu cầu đã có đơn rút hồ sơ ngày 22/09/2025.",
                "CHỦ TỊCH", "Võ Thị Ngọc Ánh");
        assertThat(pdf.text()).doesNotContain("KT.");
    }

    @Test
    void controlSheetHasARowPerHandOverOnA4() {
        Pdf pdf = Pdf.of(FORMS.controlSheet(SampleForms.controlSheet()));

        pdf.assertPages(1, A4_WIDTH, A4_HEIGHT);
        pdf.assertNationalHeading("06", "Huế, ngày 19 tháng 9 năm 2025");
        pdf.assertContains(
                "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
                "Mã hồ sơ: " + CODE,
                "Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số 125/GTN",
                "Tên cá nhân, tổ chức: Nguyễn Thị Ánh",
                "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
                "Cơ quan chủ trì giải quyết: Ủy ban nhân dân phường Thuận Hóa",
                "Thời gian nhận hồ sơ: 08:05 ngày 19/09/2025",
                "Thời gian hẹn trả kết quả: 16:30 ngày 24/09/2025",
                "Thời gian trả kết quả: 09:10 ngày 24/09/2025",
                "1 Phòng Văn hóa - Xã hội phường Thuận Hóa 14:00 19/09/2025 Lê Thị Hường Đặng Minh Khôi Trước hạn",
                "2 Lãnh đạo Ủy ban nhân dân phường 10:45 22/09/2025 Đặng Minh Khôi Phạm Đức Thắng Đúng hạn Trình ký kết quả",
                "3 Trung tâm Phục vụ hành chính công phường Thuận Hóa 08:20 23/09/2025 Phạm Đức Thắng Lê Thị Hường Quá hạn Chậm 01 ngày do xác minh",
                "Trang 1/1");
    }

    @Test
    void dossierLogIsA4LandscapeWithARowPerDossier() {
        Pdf pdf = Pdf.of(FORMS.dossierLog(SampleForms.dossierLog()));

        assertThat(pdf.pages()).isEqualTo(1);
        PDRectangle size = pdf.pageSize(0);
        assertThat(size.getWidth()).as("landscape").isGreaterThan(size.getHeight());
        assertThat(size.getWidth()).isCloseTo(A4_HEIGHT, offset(1f));
        pdf.assertNationalHeading("07", "Huế, ngày 01 tháng 10 năm 2025");
        pdf.assertContains(
                "SỔ THEO DÕI HỒ SƠ",
                "Quầy số 1 - Quyển số: 03",
                "Từ ngày 01/09/2025 đến ngày 30/09/2025",
                "Ngày nhận hồ sơ", "Ngày hẹn trả kết quả", "Ngày chuyển hồ sơ đến cơ quan giải quyết",
                "Ngày nhận kết quả từ cơ quan giải quyết", "Ngày trả kết quả cho cá nhân, tổ chức", "Ký nhận",
                "125 " + CODE + " Đăng ký khai sinh 01 Nguyễn Thị Ánh 27 Lê Lợi, phường Thuận Hóa, thành phố Huế 0905 123 456"
                        + " Ủy ban nhân dân phường Thuận Hóa 19/09/2025 08:05 24/09/2025 16:30 19/09/2025 14:00"
                        + " 23/09/2025 08:20 24/09/2025 09:10",
                "126 000.31.01.H57-250919-0008 Đăng ký kết hôn 01 Hoàng Văn Đức",
                "19/09/2025 09:00 22/09/2025 17:00 Chờ bổ sung");
    }

    @Test
    void longDossierLogRepeatsItsColumnHeadingsOnEveryPage() {
        FormData.DossierLog sample = SampleForms.dossierLog();
        LogRow row = sample.rows().getFirst();
        List<LogRow> rows = IntStream.rangeClosed(1, 60).mapToObj(i -> new LogRow(i, "000.31.01.H57-250919-%04d".formatted(i),
                row.procedure(), row.sets(), row.applicant(), row.leadAgency(), row.receivedAt(), row.dueAt(),
                row.sentToAgencyAt(), row.resultBackAt(), row.returnedAt(), row.notes())).toList();
        Pdf pdf = Pdf.of(FORMS.dossierLog(new FormData.DossierLog(sample.issuer(), sample.counter(), sample.volume(),
                sample.from(), sample.to(), sample.issuedAt(), rows)));

        assertThat(pdf.pages()).isGreaterThan(1);
        for (int page = 0; page < pdf.pages(); page++) {
            pdf.assertPageContains(page, "Tên thủ tục hành chính", "Cơ quan chủ trì giải quyết",
                    "Trang " + (page + 1) + "/" + pdf.pages());
        }
        pdf.assertContains("000.31.01.H57-250919-0060");
    }

    @Test
    void everyVietnameseLetterRendersInTheEmbeddedLiberationSerif() {
        Applicant applicant = new Applicant(VIETNAMESE_LETTERS, null, null, null);
        FormData.Refusal sample = SampleForms.refusal();
        Pdf pdf = Pdf.of(FORMS.refusal(new FormData.Refusal(sample.issuer(), sample.number(), sample.dossierCode(),
                sample.issuedAt(), applicant, sample.request(), "<b>" + VIETNAMESE_LETTERS + "</b>",
                sample.officerName(), null)));

        // A letter without a glyph would come out as '#' or be missing.
        pdf.assertContains(VIETNAMESE_LETTERS);
        assertThat(pdf.text()).doesNotContain("#");
        assertThat(pdf.fontNames()).isNotEmpty().allSatisfy(name -> assertThat(name).matches("[A-Z]{6}\\+LiberationSerif.*"));
        assertThat(pdf.fontNames()).anySatisfy(name -> assertThat(name).contains("Bold"));
        assertThat(pdf.fontNames()).anySatisfy(name -> assertThat(name).contains("Italic"));
    }

    @Test
    void dataIsEscapedNotInterpretedAsMarkup() {
        Applicant applicant = new Applicant("Công ty <b>A&B</b> \"Hương Giang\"", null, null, null);
        FormData.Refusal sample = SampleForms.refusal();
        Pdf pdf = Pdf.of(FORMS.refusal(new FormData.Refusal(sample.issuer(), sample.number(), sample.dossierCode(),
                sample.issuedAt(), applicant, sample.request(), "Thiếu giấy tờ <script>alert(1)</script> & khác",
                sample.officerName(), null)));

        pdf.assertContains("Công ty <b>A&B</b> \"Hương Giang\"", "Thiếu giấy tờ <script>alert(1)</script> & khác");
    }

    @Test
    void timesArePrintedInVietnamAndTheDateLineFollowsDecree30() {
        // 17:30 UTC on 4 February is 00:30 on 5 February in Huế.
        Instant night = Instant.parse("2026-02-04T17:30:00Z");
        OfficialForms.Format format = new OfficialForms.Format();

        assertThat(format.time(night)).isEqualTo("00:30 ngày 05/02/2026");
        assertThat(format.date(night)).isEqualTo("05/02/2026");
        assertThat(format.clock(night)).isEqualTo("00:30");
        assertThat(format.dateLine("Huế", night)).isEqualTo("Huế, ngày 05 tháng 02 năm 2026");
        assertThat(format.dateLine("Huế", hue(2025, 11, 3, 9, 0))).isEqualTo("Huế, ngày 03 tháng 11 năm 2025");
        assertThat(format.day(LocalDate.of(2025, 9, 1))).isEqualTo("01/09/2025");
        assertThat(format.time(null)).isEmpty();
        assertThat(format.count(3)).isEqualTo("03");

        FormData.StopNotice sample = SampleForms.stopNotice();
        Pdf pdf = Pdf.of(FORMS.stopNotice(new FormData.StopNotice(CENTRE, null, CODE, night, ANH, sample.procedure(),
                night, sample.reason(), sample.signer(), null)));
        pdf.assertContains("Huế, ngày 05 tháng 02 năm 2026", "Ngày 05/02/2026");
        assertThat(pdf.text()).doesNotContain("Số:");
    }

    @Test
    void rendersAReceiptSlipQuickly() {
        FormData.ReceiptSlip slip = SampleForms.receiptSlip();
        for (int i = 0; i < 20; i++) {
            FORMS.receiptSlip(slip);
        }
        int runs = 20;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            FORMS.receiptSlip(slip);
        }
        double millis = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("Form 01 (receipt slip): %.1f ms per PDF, %d bytes%n", millis, FORMS.receiptSlip(slip).length);
        // Generous for a slow CI machine; a warm JVM takes a few tens of milliseconds.
        assertThat(millis).isLessThan(1000);
    }

    static String decodeQr(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        try {
            return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            throw new AssertionError("No QR code found in the image", e);
        }
    }

    /**
     * A rendered form as PDFBox reads it. The text comes in two readings: line by line across the page (the
     * columns of the heading interleave) and in drawing order (each column whole, inline pieces out of order);
     * a value must appear whole in one of them.
     */
    record Pdf(List<String> pageTexts, List<String> streamTexts, List<PDRectangle> pageSizes,
               List<BufferedImage> images, List<String> fontNames) {

        static Pdf of(byte[] bytes) {
            assertThat(bytes).as("PDF").startsWith("%PDF-".getBytes());
            try (PDDocument document = Loader.loadPDF(bytes)) {
                List<String> texts = new ArrayList<>();
                List<String> streamTexts = new ArrayList<>();
                List<PDRectangle> sizes = new ArrayList<>();
                List<BufferedImage> images = new ArrayList<>();
                List<String> fonts = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                PDFTextStripper drawingOrder = new PDFTextStripper();
                for (int i = 0; i < document.getNumberOfPages(); i++) {
                    PDPage page = document.getPage(i);
                    stripper.setStartPage(i + 1);
                    stripper.setEndPage(i + 1);
                    texts.add(stripper.getText(document));
                    drawingOrder.setStartPage(i + 1);
                    drawingOrder.setEndPage(i + 1);
                    streamTexts.add(drawingOrder.getText(document));
                    sizes.add(page.getMediaBox());
                    PDResources resources = page.getResources();
                    for (COSName name : resources.getXObjectNames()) {
                        if (resources.getXObject(name) instanceof PDImageXObject image) {
                            images.add(image.getImage());
                        }
                    }
                    for (COSName name : resources.getFontNames()) {
                        PDFont font = resources.getFont(name);
                        assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                        fonts.add(font.getName());
                    }
                }
                return new Pdf(texts, streamTexts, sizes, images, fonts);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Without any whitespace, so that a value wrapped over lines or table cells still matches. */
        static String compact(String text) {
            return text.replaceAll("\\s+", "");
        }

        int pages() {
            return pageTexts.size();
        }


        PDRectangle pageSize(int page) {
            return pageSizes.get(page);
        }

        String text() {
            return String.join("\n", pageTexts);
        }

        String compactText() {
            return compact(text());
        }

        void assertContains(String... expected) {
            for (String value : expected) {
                assertThat(contains(compactText(), String.join("", streamTexts), value))
                        .as("form contains \"%s\"; its text:%n%s", value, text()).isTrue();
            }
        }

        void assertPageContains(int page, String... expected) {
            for (String value : expected) {
                assertThat(contains(pageTexts.get(page), streamTexts.get(page), value))
                        .as("page %d contains \"%s\"; its text:%n%s", page + 1, value, pageTexts.get(page)).isTrue();
            }
        }

        private static boolean contains(String byLine, String byDrawing, String value) {
            return compact(byLine).contains(compact(value)) || compact(byDrawing).contains(compact(value));
        }

        void assertPages(int count, float width, float height) {
            assertThat(pages()).as("pages").isEqualTo(count);
            for (PDRectangle size : pageSizes) {
                assertThat(size.getWidth()).as("page width").isCloseTo(width, offset(1f));
                assertThat(size.getHeight()).as("page height").isCloseTo(height, offset(1f));
            }
        }

        void assertNationalHeading(String formNo, String dateLine) {
            assertContains("Mẫu số " + formNo,
                    "ỦY BAN NHÂN DÂN PHƯỜNG THUẬN HÓA",
                    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG THUẬN HÓA",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc",
                    dateLine);
        }
    }
}
