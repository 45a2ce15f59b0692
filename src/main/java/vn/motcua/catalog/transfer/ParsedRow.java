package vn.motcua.catalog.transfer;

import java.util.List;

import vn.motcua.catalog.Procedure;

/**
 * One procedure read from an import file, or why it could not be read.
 *
 * @param where    where it stands in the file, as a person would find it ("Thủ tục, dòng 7", "mục 12")
 * @param code     its code, when one could be read
 * @param problems why it cannot be read; empty when {@code procedure} is set
 */
public record ParsedRow(String where, String code, Procedure procedure, List<String> problems) {

    public static ParsedRow of(String where, Procedure procedure) {
        return new ParsedRow(where, procedure.code(), procedure, List.of());
    }

    public static ParsedRow rejected(String where, String code, List<String> problems) {
        return new ParsedRow(where, code, null, List.copyOf(problems));
    }
}
