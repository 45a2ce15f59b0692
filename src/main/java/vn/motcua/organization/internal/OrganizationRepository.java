package vn.motcua.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyKind;
import vn.motcua.organization.Counter;
import vn.motcua.organization.StaffMember;

@Repository
public class OrganizationRepository {

    private static final String AGENCY_COLUMNS = """
            code, name, short_name, kind, parent_code, address, phone, email, effective_from, effective_to, successor_code""";

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All agencies in tree order: each parent before its children, siblings by kind then name. */
    public List<Agency> findAllAgencies() {
        return jdbc.sql("""
                with recursive tree as (
                    select a.*, array[a.kind || a.name] as path from agency a where parent_code is null
                    union all
                    select c.*, t.path || (c.kind || c.name) from agency c join tree t on c.parent_code = t.code
                )
                select %s from tree order by path""".formatted(AGENCY_COLUMNS))
                .query(OrganizationRepository::agency).list();
    }

    public List<Counter> findCounters(String agencyCode) {
        return jdbc.sql("select id, agency_code, number, name from counter where agency_code = ? order by number")
                .param(agencyCode)
                .query((rs, i) -> new Counter(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4))).list();
    }

    public Optional<StaffMember> findStaff(String username) {
        return jdbc.sql("select username, agency_code, title, counter_id from staff where username = ?").param(username)
                .query((rs, i) -> new StaffMember(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class)))
                .optional();
    }

    public List<StaffMember> findStaffOf(String agencyCode) {
        return jdbc.sql("select username, agency_code, title, counter_id from staff where agency_code = ? order by username")
                .param(agencyCode)
                .query((rs, i) -> new StaffMember(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class)))
                .list();
    }

    public boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from agency)").query(Boolean.class).single();
    }

    private static Agency agency(ResultSet rs, int row) throws SQLException {
        return new Agency(rs.getString("code"), rs.getString("name"), rs.getString("short_name"),
                AgencyKind.valueOf(rs.getString("kind")), rs.getString("parent_code"), rs.getString("address"),
                rs.getString("phone"), rs.getString("email"), rs.getObject("effective_from", java.time.LocalDate.class),
                rs.getObject("effective_to", java.time.LocalDate.class), rs.getString("successor_code"));
    }
}
