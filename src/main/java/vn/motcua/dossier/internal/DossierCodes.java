package vn.motcua.dossier.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dossier codes {@code <agency identity code>-<YYMMDD>-<NNNN>} (Circular 03/2025): the receiving agency, the day of
 * receipt and a daily sequence. The sequence lives in a database row per agency and day, taken under its row lock,
 * so two application nodes never hand out the same number. A code is issued once and never changes.
 */
@Component
public class DossierCodes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final JdbcClient jdbc;

    DossierCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next code of the agency for the day; runs in the caller's transaction, so a rollback frees nothing twice. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String agencyCode, LocalDate day) {
        int number = jdbc.sql("""
                insert into dossier_code_sequence (agency_code, day, last_number) values (?, ?, 1)
                on conflict (agency_code, day) do update set last_number = dossier_code_sequence.last_number + 1
                returning last_number""").params(agencyCode, day).query(Integer.class).single();
        return "%s-%s-%04d".formatted(agencyCode, DAY.format(day), number);
    }
}
