package vn.motcua.assistant;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.platform.text.VietnameseText;

/**
 * Words of a Vietnamese text as the assistant compares them: lower case, with their diacritics, so that a phrase
 * written with diacritics matches the same words typed with or without them, but not other words that only fold
 * alike ("tiến độ" is not "tiền").
 */
final class Wording {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Wording() {
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Whether {@code phrase} occurs in {@code words}, each typed word equal to the phrase's or its plain form. */
    static boolean contains(List<String> words, List<String> phrase) {
        return indexOf(words, phrase) >= 0;
    }

    static int indexOf(List<String> words, List<String> phrase) {
        if (phrase.isEmpty()) {
            return -1;
        }
        outer:
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!same(words.get(i + j), phrase.get(j))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A typed word matches a written one if equal, or if typed without diacritics and equal once folded. */
    static boolean same(String typed, String written) {
        if (typed.equals(written)) {
            return true;
        }
        String plain = VietnameseText.fold(typed);
        return plain.equals(typed) && plain.equals(VietnameseText.fold(written));
    }
}
