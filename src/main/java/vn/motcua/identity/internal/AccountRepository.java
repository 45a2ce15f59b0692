package vn.motcua.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.identity.AccountProfile;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;

@Repository
public class AccountRepository {

    private static final String USER_QUERY = """
            select a.id, a.username, a.full_name, a.password_hash, a.enabled,
                   array(select r.role from account_role r where r.account_id = a.id) as roles
            from account a""";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CurrentUser> findUser(String username) {
        return jdbc.sql(USER_QUERY + " where a.username = ?").param(username).query(AccountRepository::user).optional();
    }

    /** The account a live API token belongs to, in one round trip (this runs on every API request). */
    public Optional<CurrentUser> findUserByTokenHash(String tokenHash) {
        return jdbc.sql(USER_QUERY + " join api_token t on t.account_id = a.id where t.token_hash = ? and t.expires_at > now()")
                .param(tokenHash).query(AccountRepository::user).optional();
    }

    public Optional<AccountProfile> findProfile(String username) {
        return jdbc.sql("""
                select username, full_name, id_number, date_of_birth, phone, email, address, tax_code, organization_name
                from account where username = ?""").param(username)
                .query((rs, i) -> new AccountProfile(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9)))
                .optional();
    }

    public long insert(NewAccount account, String passwordHash, boolean demo) {
        long id = jdbc.sql("""
                insert into account (username, password_hash, full_name, email, phone, id_number, date_of_birth, address,
                                     tax_code, organization_name, demo)
                values (:username, :hash, :fullName, :email, :phone, :idNumber, :dateOfBirth, :address, :taxCode,
                        :organizationName, :demo)
                returning id""")
                .param("username", account.username()).param("hash", passwordHash)
                .param("fullName", account.fullName()).param("email", account.email()).param("phone", account.phone())
                .param("idNumber", account.idNumber()).param("dateOfBirth", account.dateOfBirth())
                .param("address", account.address()).param("taxCode", account.taxCode())
                .param("organizationName", account.organizationName()).param("demo", demo)
                .query(Long.class).single();
        for (Role role : account.roles()) {
            jdbc.sql("insert into account_role (account_id, role) values (?, ?)").params(id, role.name()).update();
        }
        return id;
    }

    /** The one enabled applicant account with this identity number; empty when none or several have it. */
    public Optional<String> applicantByIdNumber(String idNumber) {
        List<String> found = jdbc.sql("""
                select a.username from account a where a.id_number = ? and a.enabled and exists (select 1 from account_role r
                where r.account_id = a.id and r.role in ('CITIZEN', 'BUSINESS')) limit 2""")
                .param(idNumber).query(String.class).list();
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    public boolean exists(String username) {
        return jdbc.sql("select exists (select 1 from account where username = ?)").param(username)
                .query(Boolean.class).single();
    }

    public void replaceRoles(String username, Set<Role> roles) {
        long id = jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
        jdbc.sql("delete from account_role where account_id = ?").param(id).update();
        for (Role role : roles) {
            jdbc.sql("insert into account_role (account_id, role) values (?, ?)").params(id, role.name()).update();
        }
    }

    public int deleteDemoAccounts() {
        return jdbc.sql("delete from account where demo").update();
    }

    private static CurrentUser user(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array array = rs.getArray("roles");
        for (Object role : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) role));
        }
        return new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"), roles,
                rs.getString("password_hash"), rs.getBoolean("enabled"), false); // accounts are never locked: see LoginThrottle
    }

    /** The data of an account to create. */
    public record NewAccount(String username, String fullName, Set<Role> roles, String email, String phone,
                             String idNumber, LocalDate dateOfBirth, String address, String taxCode,
                             String organizationName) {
    }
}
