package vn.motcua.catalog.national;

import java.time.LocalDate;

import vn.motcua.catalog.Procedure;

/**
 * A procedure as the national procedure database publishes it: its record in the catalog's terms (with the national
 * defaults for what the province configures: see {@link NationalCatalogMapping}), its field code, and the decision
 * that announced it.
 */
public record NationalProcedure(Procedure procedure, String fieldCode, String decisionNumber, LocalDate decisionDate,
                                LocalDate effectiveDate) {

    public String code() {
        return procedure.code();
    }
}
