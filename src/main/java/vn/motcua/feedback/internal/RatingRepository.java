package vn.motcua.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.feedback.Rating;
import vn.motcua.feedback.RatingChannel;
import vn.motcua.feedback.Satisfaction;

/** Ratings of dossiers, one per dossier (the table's unique constraint). */
@Repository
public class RatingRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RatingRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the rating unless the dossier has one already; whether it was stored. */
    public boolean insertIfFirst(Rating r) {
        return jdbc.sql("""
                insert into dossier_rating (dossier_code, agency_code, procedure_code, via, answers, satisfied, comment,
                                            rated_by, rated_at)
                values (:code, :agency, :procedure, :via, cast(:answers as jsonb), :satisfied, :comment, :by, :at)
                on conflict (dossier_code) do nothing""")
                .param("code", r.dossierCode())
                .param("agency", r.agencyCode())
                .param("procedure", r.procedureCode())
                .param("via", r.via().name())
                .param("answers", json.writeValueAsString(r.answers()))
                .param("satisfied", r.satisfied())
                .param("comment", r.comment())
                .param("by", r.ratedBy())
                .param("at", Timestamp.from(r.ratedAt()))
                .update() == 1;
    }

    public Optional<Rating> ofDossier(String dossierCode) {
        return jdbc.sql("""
                select dossier_code, agency_code, procedure_code, via, answers, satisfied, comment, rated_by, rated_at
                from dossier_rating where dossier_code = ?""").param(dossierCode)
                .query(this::rating).optional();
    }

    private Rating rating(ResultSet rs, int row) throws SQLException {
        Map<String, Satisfaction> answers = json.readValue(rs.getString("answers"),
                new TypeReference<LinkedHashMap<String, Satisfaction>>() { });
        return new Rating(rs.getString("dossier_code"), rs.getString("agency_code"), rs.getString("procedure_code"),
                RatingChannel.valueOf(rs.getString("via")), answers, rs.getBoolean("satisfied"),
                rs.getString("comment"), rs.getString("rated_by"), rs.getTimestamp("rated_at").toInstant());
    }
}
