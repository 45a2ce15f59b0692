package vn.motcua.catalog;

/** A line of a procedure list: enough to choose one. */
public record ProcedureSummary(String code, String name, String field, ProcedureLevel level, OnlineLevel onlineLevel,
                               int processingDays) {

    public static ProcedureSummary of(Procedure p) {
        return new ProcedureSummary(p.code(), p.name(), p.field(), p.level(), p.onlineLevel(), p.processingDays());
    }
}
