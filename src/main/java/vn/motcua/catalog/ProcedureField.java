package vn.motcua.catalog;

/** A field (lĩnh vực) of procedures, with how many procedures it holds. */
public record ProcedureField(String slug, String name, int procedures) {
}
