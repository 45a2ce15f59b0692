package vn.motcua.catalog;

/**
 * A document the applicant brings or uploads (thành phần hồ sơ).
 *
 * @param template name of the official form for it, when there is one
 */
public record RequiredDocument(String name, int originals, int copies, boolean mandatory, String template) {

    public RequiredDocument {
        name = Text.trim(name);
        template = Text.trim(template);
    }
}
