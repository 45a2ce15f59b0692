package vn.motcua.dossier.forms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;

import vn.motcua.platform.qr.QrCodes;

/**
 * Renders the official one-stop forms of Circular 03/2025/TT-VPCP as PDF: forms 01 to 05 on A5 portrait, 06 on A4
 * portrait, 07 on A4 landscape. Each form is an XHTML Thymeleaf template under {@code templates/forms/} (the
 * Vietnamese wording of the Circular lives there), laid out by openhtmltopdf in Liberation Serif, which has the
 * metrics of Times New Roman, the font of official documents, and every Vietnamese letter.
 * <p>
 * Times print in Vietnam's time zone: {@code 08 giờ 30 phút, ngày 19/09/2025}, and the date line the way Decree
 * 30/2020/NĐ-CP writes it: {@code Huế, ngày 05 tháng 02 năm 2026}, {@code Huế, ngày 19 tháng 9 năm 2025} (a zero
 * before days below 10 and months below 3).
 */
@Component
public class OfficialForms {

    /** The zone every time on a form is printed in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final String FONT_FAMILY = "Liberation Serif";
    private static final Format FORMAT = new Format();

    static {
        // openhtmltopdf prints to standard error by default, bypassing the application's logging. Its logger is
        // global to the JVM; this is the application's only user of openhtmltopdf.
        XRLog.setLoggerImpl(new Slf4jLogger());
    }

    private record Face(int weight, FontStyle style, byte[] bytes) {
    }

    private final ITemplateEngine templates;
    private final List<Face> faces;
    /** Font metrics parsed once and shared by every render, instead of once per PDF. */
    private final FSCacheEx<String, FSCacheValue> fontMetrics = new MemoryCache();

    public OfficialForms(ITemplateEngine templates) {
        this.templates = templates;
        this.faces = List.of(
                face("liberation/LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL),
                face("liberation/LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL),
                face("liberation/LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC),
                face("liberation/LiberationSerif-BoldItalic.ttf", 700, FontStyle.ITALIC));
    }

    /** Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5). */
    public byte[] receiptSlip(FormData.ReceiptSlip slip) {
        return render("receipt-slip", slip, slip.trackingUrl());
    }

    /** Form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (A5). */
    public byte[] supplementRequest(FormData.SupplementRequest request) {
        return render("supplement-request", request, request.trackingUrl());
    }

    /** A result document laid out from what the official decided (A4), before it is signed. */
    public byte[] resultDocument(FormData.ResultDocument result) {
        return render("result-document", result, null);
    }

    /** Form 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ (A5). */
    public byte[] refusal(FormData.Refusal refusal) {
        return render("refusal", refusal, refusal.trackingUrl());
    }

    /** Form 04, Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (A5). */
    public byte[] apology(FormData.Apology apology) {
        return render("apology", apology, apology.trackingUrl());
    }

    /** Form 05, Thông báo dừng giải quyết hồ sơ (A5). */
    public byte[] stopNotice(FormData.StopNotice notice) {
        return render("stop-notice", notice, notice.trackingUrl());
    }

    /** Form 06, Phiếu kiểm soát quá trình giải quyết hồ sơ (A4 portrait). */
    public byte[] controlSheet(FormData.ControlSheet sheet) {
        return render("control-sheet", sheet, sheet.trackingUrl());
    }

    /** Form 07, Sổ theo dõi hồ sơ (A4 landscape). */
    public byte[] dossierLog(FormData.DossierLog log) {
        return render("dossier-log", log, null);
    }

    private byte[] render(String template, Object form, String trackingUrl) {
        Context context = new Context(VIETNAMESE);
        context.setVariable("form", form);
        context.setVariable("fmt", FORMAT);
        context.setVariable("qr", trackingUrl == null ? null : QrCodes.dataUri(trackingUrl));
        String xhtml = templates.process("forms/" + template, context);

        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
        for (Face face : faces) {
            builder.useFont(() -> new ByteArrayInputStream(face.bytes()), FONT_FAMILY, face.weight(), face.style(), true);
        }
        // The only resources a form needs are inline (the QR code as a data: URI); nothing is fetched.
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.withProducer("MộtCửa");
        builder.withHtmlContent(xhtml, null);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render form " + template, e);
        }
    }

    private static Face face(String resource, int weight, FontStyle style) {
        try (InputStream in = OfficialForms.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the classpath: " + resource);
            }
            return new Face(weight, style, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the templates print dates, times and counts ({@code fmt} in a template). Null prints as empty. */
    public static final class Format {

        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
        private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút'");

        Format() {
        }

        /** {@code 19/09/2025} */
        public String date(Instant at) {
            return at == null ? "" : DAY.format(local(at));
        }

        /** {@code 19/09/2025} */
        public String day(LocalDate day) {
            return day == null ? "" : DAY.format(day);
        }

        /** {@code 08 giờ 30 phút, ngày 19/09/2025}, as the forms word a time. */
        public String time(Instant at) {
            return at == null ? "" : HOUR_MINUTE.format(local(at)) + ", ngày " + DAY.format(local(at));
        }

        /** {@code 08:30 19/09/2025}, for table cells. */
        public String shortTime(Instant at) {
            return at == null ? "" : CLOCK.format(local(at)) + " " + DAY.format(local(at));
        }

        /** {@code 08:30}, for table cells under the date. */
        public String clock(Instant at) {
            return at == null ? "" : CLOCK.format(local(at));
        }

        /** {@code Huế, ngày 19 tháng 9 năm 2025}: Decree 30/2020/NĐ-CP puts a zero before days below 10 and months below 3. */
        public String dateLine(String place, Instant at) {
            LocalDate day = local(at).toLocalDate();
            int month = day.getMonthValue();
            return "%s, ngày %02d tháng %s năm %d".formatted(place, day.getDayOfMonth(),
                    month < 3 ? "0" + month : String.valueOf(month), day.getYear());
        }

        /** {@code 01}, {@code 12}: counts of sets and documents as forms write them. */
        public String count(int n) {
            return "%02d".formatted(n);
        }

        private static LocalDateTime local(Instant at) {
            return LocalDateTime.ofInstant(at, ZONE);
        }
    }

    private static final class MemoryCache implements FSCacheEx<String, FSCacheValue> {

        private final ConcurrentHashMap<String, FSCacheValue> values = new ConcurrentHashMap<>();

        @Override
        public void put(String key, FSCacheValue value) {
            values.put(key, value);
        }

        @Override
        public FSCacheValue get(String key, Callable<? extends FSCacheValue> loader) {
            return values.computeIfAbsent(key, k -> {
                try {
                    return loader.call();
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot load " + k, e);
                }
            });
        }

        @Override
        public FSCacheValue get(String key) {
            return values.get(key);
        }
    }

    /**
     * openhtmltopdf's log lines through SLF4J under its own logger names ({@code com.openhtmltopdf.*}). It reports
     * progress at INFO on every render, which goes to DEBUG here; warnings and errors keep their level.
     */
    private static final class Slf4jLogger implements XRLogger {

        @Override
        public void log(String where, Level level, String message) {
            log(where, level, message, null);
        }

        @Override
        public void log(String where, Level level, String message, Throwable error) {
            Logger logger = LoggerFactory.getLogger(where);
            if (level.intValue() >= Level.SEVERE.intValue()) {
                logger.error(message, error);
            } else if (level.intValue() >= Level.WARNING.intValue()) {
                logger.warn(message, error);
            } else {
                logger.debug(message, error);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
            // Levels are the logging system's configuration.
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
            int level = diagnostic.getLevel().intValue();
            return level >= Level.SEVERE.intValue() ? logger.isErrorEnabled()
                    : level >= Level.WARNING.intValue() ? logger.isWarnEnabled() : logger.isDebugEnabled();
        }
    }
}
