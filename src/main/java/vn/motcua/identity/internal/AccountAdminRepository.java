package vn.motcua.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.identity.Role;

/** The account table as administrators search and change it. */
@Repository
public class AccountAdminRepository {

    private static final String SELECT = """
            select a.id, a.username, a.full_name, a.email, a.phone, a.enabled, a.must_change_password,
                   array(select r.role from account_role r where r.account_id = a.id order by r.role) as roles
            from account a""";

    private final JdbcClient jdbc;

    AccountAdminRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the list asks for; {@code within} null means every account, else only these usernames; {@code rolesWithin}
     * null means any roles, else only accounts holding no other role.
     */
    public record Search(String text, Role role, Boolean enabled, Collection<String> within,
                         Collection<Role> rolesWithin, boolean applicants, int offset, int limit) {
    }

    public record Found(List<ManagedAccount> accounts, long total) {
    }

    public Found search(Search search) {
        StringBuilder where = new StringBuilder(" where true");
        var params = new java.util.LinkedHashMap<String, Object>();
        if (search.text() != null && !search.text().isBlank()) {
            where.append(" and (a.username ilike :text or a.full_name ilike :text or a.email ilike :text)");
            params.put("text", "%" + search.text().strip().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (search.role() != null) {
            where.append(" and exists (select 1 from account_role r where r.account_id = a.id and r.role = :role)");
            params.put("role", search.role().name());
        }
        if (search.enabled() != null) {
            where.append(" and a.enabled = :enabled");
            params.put("enabled", search.enabled());
        }
        if (search.within() != null) {
            where.append(" and a.username = any(:within)");
            params.put("within", search.within().toArray(String[]::new));
        }
        if (search.rolesWithin() != null) {
            where.append(" and not exists (select 1 from account_role r where r.account_id = a.id"
                    + " and r.role <> all(:rolesWithin))");
            params.put("rolesWithin", search.rolesWithin().stream().map(Role::name).toArray(String[]::new));
        }
        if (!search.applicants()) {
            where.append(" and exists (select 1 from account_role r where r.account_id = a.id and r.role not in"
                    + " ('CITIZEN', 'BUSINESS'))");
        }
        long total = jdbc.sql("select count(*) from account a" + where).params(params).query(Long.class).single();
        List<ManagedAccount> page = jdbc.sql(SELECT + where + " order by a.username limit :limit offset :offset")
                .params(params).param("limit", search.limit()).param("offset", search.offset())
                .query(AccountAdminRepository::account).list();
        return new Found(page, total);
    }

    public Optional<ManagedAccount> find(String username) {
        return jdbc.sql(SELECT + " where a.username = ?").param(username).query(AccountAdminRepository::account)
                .optional();
    }

    public Optional<ManagedAccount> find(long id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(AccountAdminRepository::account).optional();
    }

    public void updateDetails(long id, String fullName, String email, String phone) {
        jdbc.sql("update account set full_name = ?, email = ?, phone = ? where id = ?")
                .params(fullName, email, phone, id).update();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("update account set enabled = ? where id = ?").params(enabled, id).update();
    }

    public void setMustChangePassword(long id, boolean must) {
        jdbc.sql("update account set must_change_password = ? where id = ?").params(must, id).update();
    }

    /** Sets a new password hash; the account need no longer change it. */
    public void setPassword(long id, String passwordHash) {
        jdbc.sql("update account set password_hash = ?, must_change_password = false where id = ?")
                .params(passwordHash, id).update();
    }

    public Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from account where id = ?").param(id).query(String.class).optional();
    }

    public boolean mustChangePassword(String username) {
        return jdbc.sql("select coalesce((select must_change_password from account where username = ?), false)")
                .param(username).query(Boolean.class).single();
    }

    /** Whether any enabled account holds the province administrator's role. */
    public boolean provinceAdministratorExists() {
        return jdbc.sql("""
                select exists (select 1 from account a join account_role r on r.account_id = a.id
                               where a.enabled and r.role = 'PROVINCE_ADMIN')""").query(Boolean.class).single();
    }

    /** Ends the account's API tokens (its sessions are ended through Spring Session). */
    public int deleteApiTokens(long id) {
        return jdbc.sql("delete from api_token where account_id = ?").param(id).update();
    }

    private static ManagedAccount account(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array array = rs.getArray("roles");
        for (Object role : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) role));
        }
        return new ManagedAccount(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
                rs.getString("email"), rs.getString("phone"), roles, rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"));
    }
}
