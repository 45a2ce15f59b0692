package vn.motcua.catalog;

/** A fee or charge (phí, lệ phí) of a procedure, in VND. */
public record Fee(String description, long amount) {

    public Fee {
        description = Text.trim(description);
    }
}
