package vn.motcua.platform.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * Lays out a printed document (official forms, results, receipts) from an XHTML Thymeleaf template with
 * openhtmltopdf, in Liberation Serif: the metrics of Times New Roman, the font of official documents, and every
 * Vietnamese letter. Templates may embed images only as {@code data:} URIs; nothing is fetched.
 */
@Component
public class HtmlPdf {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final String FONT_FAMILY = "Liberation Serif";

    static {
        // openhtmltopdf prints to standard error by default, bypassing the application's logging. Its logger is
        // global to the JVM; this class is the application's only user of openhtmltopdf.
        XRLog.setLoggerImpl(new Slf4jLogger());
    }

    private record Face(int weight, FontStyle style, byte[] bytes) {
    }

    private final ITemplateEngine templates;
    private final List<Face> faces;
    /** Font metrics parsed once and shared by every render, instead of once per PDF. */
    private final FSCacheEx<String, FSCacheValue> fontMetrics = new MemoryCache();

    public HtmlPdf(ITemplateEngine templates) {
        this.templates = templates;
        this.faces = List.of(
                face("liberation/LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL),
                face("liberation/LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL),
                face("liberation/LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC),
                face("liberation/LiberationSerif-BoldItalic.ttf", 700, FontStyle.ITALIC));
    }

    /** The PDF of a template (e.g. {@code forms/receipt-slip}) with these variables, in Vietnamese. */
    public byte[] render(String template, Map<String, Object> variables) {
        Context context = new Context(VIETNAMESE, variables);
        String xhtml = templates.process(template, context);

        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
        for (Face face : faces) {
            builder.useFont(() -> new ByteArrayInputStream(face.bytes()), FONT_FAMILY, face.weight(), face.style(), true);
        }
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.withProducer("MộtCửa");
        builder.withHtmlContent(xhtml, null);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render " + template, e);
        }
    }

    private static Face face(String resource, int weight, FontStyle style) {
        try (InputStream in = HtmlPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the classpath: " + resource);
            }
            return new Face(weight, style, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
