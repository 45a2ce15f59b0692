package vn.motcua.notification.internal;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * SMS text in plain ASCII: without diacritics a message fits the GSM 7-bit alphabet, costs a third of a Unicode one
 * per character, and shows correctly on old phones. Unlike {@code VietnameseText.fold} it keeps letter case, so that
 * names and sentences still read naturally ("Phường Thuận Hóa" becomes "Phuong Thuan Hoa").
 */
final class SmsText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SmsText() {
    }

    static String fold(String text) {
        // NFKD splits letters from their marks and turns compatibility forms (…, non-breaking space) into ASCII.
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFKD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        StringBuilder ascii = new StringBuilder(bare.length());
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            ascii.append(c < 128 ? c : ascii(c));
        }
        return ascii.toString();
    }

    private static String ascii(char c) {
        return switch (c) {
            case '‘', '’', '‚', '′' -> "'";
            case '“', '”', '„', '″', '«', '»' -> "\"";
            case '‐', '‑', '‒', '–', '—', '―', '−' -> "-";
            case '•', '·' -> "*";
            default -> "?";
        };
    }
}
