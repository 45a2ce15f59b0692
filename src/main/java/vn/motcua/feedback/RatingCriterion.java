package vn.motcua.feedback;

import java.util.Locale;

/**
 * One criterion of the evaluation form, as kept in {@code feedback/criteria.txt}.
 *
 * @param key the stable key stored with every rating
 */
public record RatingCriterion(String key, String labelVi, String labelEn) {

    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelVi;
    }
}
