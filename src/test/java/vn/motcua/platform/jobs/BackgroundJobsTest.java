package vn.motcua.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

/** The job mechanics catalog imports and report exports share, without a database: a ledger in memory. */
class BackgroundJobsTest {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Map<UUID, String> failed = new ConcurrentHashMap<>();
    private final List<String> interrupted = new CopyOnWriteArrayList<>();
    private final StaticMessageSource messages = new StaticMessageSource();
    private final BackgroundJobs jobs = new BackgroundJobs("test-job", new JobLedger() {
        @Override
        public void fail(UUID id, String error) {
            failed.put(id, error);
        }

        @Override
        public void failInterrupted(String error) {
            interrupted.add(error);
        }
    }, messages, "test.job");

    BackgroundJobsTest() {
        messages.addMessage("test.job.failed", VI, "Không thực hiện được");
        messages.addMessage("test.job.failed", Locale.ENGLISH, "It could not be done");
        messages.addMessage("test.job.interrupted", VI, "Bị gián đoạn");
    }

    @AfterEach
    void close() {
        jobs.close();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theWorkRunsInTheStartersLocaleOnItsOwnThread() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        List<String> seen = new CopyOnWriteArrayList<>();
        jobs.start(UUID.randomUUID(), locale -> seen.add(locale + " " + LocaleContextHolder.getLocale() + " "
                + Thread.currentThread().getName()));
        await().atMost(Duration.ofSeconds(10)).until(() -> !seen.isEmpty());
        assertThat(seen).containsExactly("en en test-job");
        assertThat(failed).isEmpty();
    }

    @Test
    void anUnexpectedFailureMarksTheJobFailedInTheStartersLanguageAndTheNextJobStillRuns() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        UUID broken = UUID.randomUUID();
        jobs.start(broken, locale -> {
            throw new IllegalStateException("boom");
        });
        List<UUID> ran = new CopyOnWriteArrayList<>();
        UUID next = UUID.randomUUID();
        jobs.start(next, locale -> ran.add(next));
        await().atMost(Duration.ofSeconds(10)).until(() -> !ran.isEmpty());
        assertThat(failed).containsExactly(Map.entry(broken, "It could not be done"));
    }

    @Test
    void interruptedJobsAreMarkedInVietnamese() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        jobs.markInterrupted();
        assertThat(interrupted).containsExactly("Bị gián đoạn");
    }

    @Test
    void percentIsZeroWhileATotallessJobRunsAndAHundredOnceItEnds() {
        assertThat(BackgroundJobs.percent(0, 0, true)).isZero();
        assertThat(BackgroundJobs.percent(0, 0, false)).isEqualTo(100);
        assertThat(BackgroundJobs.percent(200, 50, true)).isEqualTo(25);
        assertThat(BackgroundJobs.percent(10, 12, true)).isEqualTo(100);
    }
}
