package vn.motcua.platform.text;

/** The checks every form and request parameter needs: is a text missing, and the text or null. */
public final class Texts {

    private Texts() {
    }

    /** Null, empty or only whitespace. */
    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The text without surrounding whitespace, or null when it is {@link #blank}. */
    public static String blankToNull(String text) {
        return blank(text) ? null : text.strip();
    }
}
