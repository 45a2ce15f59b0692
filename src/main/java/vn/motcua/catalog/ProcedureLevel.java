package vn.motcua.catalog;

/** Where a procedure is decided. */
public enum ProcedureLevel {
    PROVINCE, COMMUNE
}
