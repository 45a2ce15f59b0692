package vn.motcua.notification.internal;

/**
 * How many SMS segments a text takes, as the networks count them: in the GSM 7-bit alphabet 160 characters fit one
 * message and 153 each part of a longer one (the extension characters {@code ^{}\[~]|€} take two); a text with any
 * other character goes as Unicode (UCS-2), 70 characters, or 67 a part.
 *
 * @param unicode  whether the text needs Unicode
 * @param units    the characters as counted for that encoding
 * @param segments the messages the text is billed as
 * @param perSegment how many units fit each segment at this length
 */
public record SmsLength(boolean unicode, int units, int segments, int perSegment) {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    public static SmsLength of(String text) {
        int gsmUnits = 0;
        boolean unicode = false;
        for (int i = 0; i < text.length() && !unicode; i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                gsmUnits++;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                gsmUnits += 2;
            } else {
                unicode = true;
            }
        }
        if (unicode) {
            int units = text.length();
            return units <= 70 ? new SmsLength(true, units, units == 0 ? 0 : 1, 70)
                    : new SmsLength(true, units, (units + 66) / 67, 67);
        }
        return gsmUnits <= 160 ? new SmsLength(false, gsmUnits, gsmUnits == 0 ? 0 : 1, 160)
                : new SmsLength(false, gsmUnits, (gsmUnits + 152) / 153, 153);
    }
}
