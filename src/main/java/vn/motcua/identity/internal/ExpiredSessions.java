package vn.motcua.identity.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired sessions every minute, as Spring Session would on a scheduler of its own (switched off with
 * {@code spring.session.jdbc.cleanup-cron: "-"}): on the application's scheduler, a database outage is one line in
 * the log ({@code DatabaseOutage}) instead of a stack trace every minute.
 */
@Component
class ExpiredSessions {

    private final JdbcIndexedSessionRepository sessions;

    ExpiredSessions(JdbcIndexedSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Scheduled(cron = "0 * * * * *")
    void delete() {
        sessions.cleanUpExpiredSessions();
    }
}
