package vn.motcua.platform.database;

import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every scheduled job's failure goes to {@link DatabaseOutage}, so that a database outage is one WARN line and not a
 * stack trace every round of every job. Boot's scheduler is the simple one on virtual threads, the pooled one without.
 */
@Configuration(proxyBeanMethods = false)
class QuietJobsConfiguration {

    @Bean
    SimpleAsyncTaskSchedulerCustomizer outageAwareSimpleScheduler(DatabaseOutage outage) {
        return scheduler -> scheduler.setErrorHandler(outage);
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer outageAwarePooledScheduler(DatabaseOutage outage) {
        return scheduler -> scheduler.setErrorHandler(outage);
    }
}
