package vn.motcua.catalog;

/** Text as the catalog keeps it: without surrounding blanks, and absent rather than empty. */
final class Text {

    private Text() {
    }

    static String trim(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
