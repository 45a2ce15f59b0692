package vn.motcua.platform.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Plain-text helpers for Vietnamese: removing diacritics (đ becomes d) and making URL slugs. */
public final class VietnameseText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private VietnameseText() {
    }

    /** Lower case without diacritics: "Đăng ký khai sinh" becomes "dang ky khai sinh". */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('đ', 'd');
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /** "Hộ tịch" becomes "ho-tich". */
    public static String slug(String text) {
        String slug = NON_ALNUM.matcher(fold(text)).replaceAll("-");
        return slug.replaceAll("^-+|-+$", "");
    }
}
