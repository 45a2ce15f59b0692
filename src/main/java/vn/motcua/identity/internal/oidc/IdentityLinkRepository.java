package vn.motcua.identity.internal.oidc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which account each identity of a national provider signs in to: provider (its issuer) + subject + the personal
 * identification number it carried when linked → account.
 */
@Repository
public class IdentityLinkRepository {

    private final JdbcClient jdbc;

    IdentityLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The username linked to this provider's subject. */
    public Optional<String> usernameOf(String provider, String subject) {
        return jdbc.sql("""
                        select a.username from account_identity_link l join account a on a.id = l.account_id
                        where l.provider = ? and l.subject = ?""")
                .params(provider, subject).query(String.class).optional();
    }

    /** An account that holds this ID number: its username, whether it is staff, and whether it has any link. */
    public record Holder(String username, boolean staff, boolean applicant, boolean linked) {
    }

    /** Every account registered with this ID number. */
    public List<Holder> holdersOf(String idNumber) {
        return jdbc.sql("""
                        select a.username,
                               exists (select 1 from account_role r where r.account_id = a.id
                                       and r.role not in ('CITIZEN', 'BUSINESS')) as staff,
                               exists (select 1 from account_role r where r.account_id = a.id
                                       and r.role in ('CITIZEN', 'BUSINESS')) as applicant,
                               exists (select 1 from account_identity_link l where l.account_id = a.id) as linked
                        from account a where a.id_number = ? order by a.id""")
                .param(idNumber)
                .query((rs, i) -> new Holder(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)))
                .list();
    }

    public void link(String provider, String subject, String idNumber, String username, Instant at) {
        jdbc.sql("""
                        insert into account_identity_link (provider, subject, id_number, account_id, linked_at)
                        select ?, ?, ?, a.id, ? from account a where a.username = ?
                        on conflict (provider, subject) do nothing""")
                .params(provider, subject, idNumber, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), username).update();
    }

    public int count() {
        return jdbc.sql("select count(*) from account_identity_link").query(Integer.class).single();
    }
}
