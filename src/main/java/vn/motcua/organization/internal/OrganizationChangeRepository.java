package vn.motcua.organization.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.organization.Agency;
import vn.motcua.organization.StaffMember;

/** Writes to the agency, counter and staff tables; the callers have checked the administrator's scope. */
@Repository
public class OrganizationChangeRepository {

    private final JdbcClient jdbc;

    OrganizationChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the agency, or updates every column of the one with its code. */
    public void saveAgency(Agency a) {
        jdbc.sql("""
                insert into agency (code, name, short_name, kind, parent_code, address, phone, email, effective_from,
                                    effective_to, successor_code)
                values (:code, :name, :shortName, :kind, :parent, :address, :phone, :email, :from, :to, :successor)
                on conflict (code) do update set name = excluded.name, short_name = excluded.short_name,
                    kind = excluded.kind, parent_code = excluded.parent_code, address = excluded.address,
                    phone = excluded.phone, email = excluded.email, effective_from = excluded.effective_from,
                    effective_to = excluded.effective_to, successor_code = excluded.successor_code""")
                .param("code", a.code()).param("name", a.name()).param("shortName", a.shortName())
                .param("kind", a.kind().name()).param("parent", a.parentCode()).param("address", a.address())
                .param("phone", a.phone()).param("email", a.email()).param("from", a.effectiveFrom())
                .param("to", a.effectiveTo()).param("successor", a.successorCode())
                .update();
    }

    /** Ends the agencies on the day and names their successor; their rows stay. */
    public void merge(Collection<String> codes, String successor, LocalDate lastDay) {
        jdbc.sql("update agency set effective_to = :day, successor_code = :successor where code in (:codes)")
                .param("day", lastDay).param("successor", successor).param("codes", codes).update();
    }

    public long addCounter(String agencyCode, int number, String name) {
        return jdbc.sql("insert into counter (agency_code, number, name) values (?, ?, ?) returning id")
                .params(agencyCode, number, name).query(Long.class).single();
    }

    public void renameCounter(long id, String name) {
        jdbc.sql("update counter set name = ? where id = ?").params(name, id).update();
    }

    public void removeCounter(long id) {
        jdbc.sql("delete from counter where id = ?").param(id).update();
    }

    /** Whether an official sits at the counter or a dossier was received there (its log refers to it). */
    public boolean counterInUse(long id) {
        return jdbc.sql("""
                select exists (select 1 from staff where counter_id = :id)
                    or exists (select 1 from dossier where counter_id = :id)""")
                .param("id", id).query(Boolean.class).single();
    }

    /** Inserts or replaces the staff record of the username. */
    public void saveStaff(StaffMember s) {
        jdbc.sql("""
                insert into staff (username, agency_code, title, counter_id, acting_from, acting_to)
                values (:username, :agency, :title, :counter, :from, :to)
                on conflict (username) do update set agency_code = excluded.agency_code, title = excluded.title,
                    counter_id = excluded.counter_id, acting_from = excluded.acting_from, acting_to = excluded.acting_to""")
                .param("username", s.username()).param("agency", s.agencyCode()).param("title", s.title())
                .param("counter", s.counterId()).param("from", s.actingFrom()).param("to", s.actingTo())
                .update();
    }

    /** Saves many agencies parents first (the caller orders them), in one batch each. */
    public void saveAgencies(List<Agency> agencies) {
        agencies.forEach(this::saveAgency);
    }
}
