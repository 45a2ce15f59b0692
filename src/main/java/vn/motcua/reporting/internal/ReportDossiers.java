package vn.motcua.reporting.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.platform.database.LongStatements;
import vn.motcua.reporting.DossierLine;
import vn.motcua.reporting.Pending;


/**
 * The read model's one row per received dossier ({@code report_dossier}) as lists: the dossiers pending now and the
 * dossiers behind a figure. Agency scopes are lists of agency codes; {@code null} means the whole province. The
 * callers check the figure and the period.
 */
@Repository
public class ReportDossiers {

    private static final String LINE_COLUMNS =
            "code, agency, procedure, channel, received_at, legal_due_at, ended_at, outcome, timeliness";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ReportDossiers(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The rows a drill-down figure counts: received, paid, rated or ended in [start, end), or pending at now. */
    public record Figure(String name, Instant start, Instant end, Instant now, List<String> agencies) {
    }

    /** Dossiers not ended: those in time (or without a due date) and those overdue at {@code now}. */
    public Pending pending(List<String> agencies, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Object> params = new ArrayList<>(List.of(at, at));
        if (agencies != null) {
            params.addAll(agencies);
        }
        return jdbc.sql("""
                select count(*) filter (where legal_due_at is null or legal_due_at >= ?),
                       count(*) filter (where legal_due_at < ?)
                from report_dossier where ended_at is null"""
                        + (agencies == null ? "" : " and agency in (" + placeholders(agencies) + ")"))
                .params(params)
                .query((rs, i) -> new Pending(rs.getLong(1), rs.getLong(2))).single();
    }

    /** The first {@code limit} dossiers behind the figure. */
    public List<DossierLine> lines(Figure figure, int limit) {
        Selection s = select(figure);
        List<Object> params = new ArrayList<>(s.params());
        params.add(limit);
        return jdbc.sql("select " + LINE_COLUMNS + " from report_dossier where " + s.where()
                        + " order by " + s.order() + " limit ?")
                .params(params)
                .query((rs, i) -> line(rs))
                .list();
    }

    public long count(Figure figure) {
        Selection s = select(figure);
        return jdbc.sql("select count(*) from report_dossier where " + s.where()).params(s.params())
                .query(Long.class).single();
    }

    /**
     * Every dossier behind the figure, in the order of {@link #lines}, read with a cursor so that a province's year
     * fits in little memory; needs the caller's (read-only) transaction for the cursor. Stops after {@code limit}.
     */
    public void forEach(Figure figure, long limit, Consumer<DossierLine> each) {
        Selection s = select(figure);
        List<Object> params = new ArrayList<>(s.params());
        params.add(limit);
        // Longer than the pool's statement timeout: an export streams up to a million rows in this one statement.
        template.execute((ConnectionCallback<Void>) con -> LongStatements.allow(con, LongStatements.LONG_WORK));
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement("select " + LINE_COLUMNS + " from report_dossier where "
                    + s.where() + " order by " + s.order() + " limit ?", ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(2_000);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        }, (RowCallbackHandler) rs -> each.accept(line(rs)));
    }

    private static DossierLine line(ResultSet rs) throws SQLException {
        return new DossierLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                rs.getString(8), rs.getString(9));
    }

    private record Selection(String where, List<Object> params, String order) {
    }

    /** The rows of {@code report_dossier} a figure counts, as a condition and its parameters. */
    private static Selection select(Figure f) {
        String figure = f.name();
        Timestamp start = Timestamp.from(f.start());
        Timestamp end = Timestamp.from(f.end());
        Timestamp now = Timestamp.from(f.now());
        List<Object> params = new ArrayList<>();
        String where = switch (figure) {
            case "RECEIVED", "RECEIVED_ONLINE", "DIGITISED", "REUSED" -> {
                params.addAll(List.of(start, end));
                yield "received_at >= ? and received_at < ?" + switch (figure) {
                    case "RECEIVED_ONLINE" -> " and channel in ('ONLINE', 'NATIONAL_PORTAL')";
                    case "DIGITISED" -> " and digitised";
                    case "REUSED" -> " and reused";
                    default -> "";
                };
            }
            case "FEE_PAID", "PAID_ONLINE" -> {
                params.addAll(List.of(start, end));
                yield "paid_at >= ? and paid_at < ?" + (figure.equals("PAID_ONLINE") ? " and paid_online" : "");
            }
            case "RATINGS", "RATINGS_UNSATISFIED" -> {
                params.addAll(List.of(start, end));
                yield "rated_at >= ? and rated_at < ?" + (figure.equals("RATINGS_UNSATISFIED") ? " and satisfied = false" : "");
            }
            case "PENDING" -> "ended_at is null";
            case "OVERDUE" -> {
                params.add(now);
                yield "ended_at is null and legal_due_at < ?";
            }
            default -> {
                params.addAll(List.of(start, end));
                yield "ended_at >= ? and ended_at < ?" + switch (figure) {
                    case "EARLY", "ON_TIME", "LATE" -> " and timeliness = '" + figure + "'";
                    case "REFUSED", "WITHDRAWN", "WAITING" -> " and outcome = '" + figure + "'";
                    case "E_RESULTS" -> " and e_result";
                    default -> "";
                };
            }
        };
        if (f.agencies() != null) {
            where += " and agency in (" + placeholders(f.agencies()) + ")";
            params.addAll(f.agencies());
        }
        boolean current = figure.equals("PENDING") || figure.equals("OVERDUE");
        return new Selection(where, params,
                current ? "legal_due_at asc nulls last, received_at, code" : "received_at desc, code");
    }

    private static String placeholders(List<String> codes) {
        return String.join(", ", Collections.nCopies(codes.size(), "?"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
