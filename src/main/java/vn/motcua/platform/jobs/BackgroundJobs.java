package vn.motcua.platform.jobs;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Runs one kind of long job (a catalog import, a report export) in the background, one at a time on a virtual thread
 * of its own, in the locale of the person who started it. The job's state lives in its module's table behind a
 * {@link JobLedger}: the job writes its progress and its result there itself; an unexpected failure and a job cut
 * off by its node stopping are marked failed here, with the messages {@code <prefix>.failed} and
 * {@code <prefix>.interrupted}. The owner closes it when it is destroyed.
 */
public final class BackgroundJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final Locale INTERRUPTED_LOCALE = Locale.forLanguageTag("vi");

    private final String name;
    private final JobLedger ledger;
    private final MessageSource messages;
    private final String messagePrefix;
    private final ExecutorService executor;

    /**
     * @param name          names the thread and the log lines, e.g. {@code catalog-import}
     * @param messagePrefix the message keys' prefix, e.g. {@code catalog.import}
     */
    public BackgroundJobs(String name, JobLedger ledger, MessageSource messages, String messagePrefix) {
        this.name = name;
        this.ledger = ledger;
        this.messages = messages;
        this.messagePrefix = messagePrefix;
        this.executor = Executors.newSingleThreadExecutor(Thread.ofVirtual().name(name).factory());
    }

    /**
     * Runs the work of the job {@code id} (already in the ledger as running) after the jobs before it, in the current
     * request's locale, which the work receives and also finds in {@link LocaleContextHolder}.
     */
    public void start(UUID id, Consumer<Locale> work) {
        Locale locale = LocaleContextHolder.getLocale();
        executor.submit(() -> {
            LocaleContextHolder.setLocale(locale);
            try {
                work.accept(locale);
            } catch (RuntimeException e) {
                log.error("Background job {} {} failed", name, id, e);
                ledger.fail(id, messages.getMessage(messagePrefix + ".failed", null, locale));
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        });
    }

    /** Marks failed the jobs that were running when their node stopped; call when the application is ready. */
    public void markInterrupted() {
        ledger.failInterrupted(messages.getMessage(messagePrefix + ".interrupted", null, INTERRUPTED_LOCALE));
    }

    /** How far a job is, in percent: a job without a total is at 0 while it runs and at 100 once it ends. */
    public static int percent(long total, long processed, boolean running) {
        return total == 0 ? (running ? 0 : 100) : (int) Math.min(100, processed * 100 / total);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
