package vn.motcua.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/** Sessions live in PostgreSQL, so that any node of several can serve any request. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /**
     * Two requests of one session at once (a double click on a form) each add the session's flash messages; as
     * plain inserts the second fails on the attribute's key and its page answers 500. Written as an upsert, the
     * second click gets its own answer (the refusal, or the done message).
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
