package vn.motcua.notification.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Turns the contact details written on a dossier into addresses a message can be sent to, or nothing. */
final class Recipients {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.()\\-]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private Recipients() {
    }

    /** The bare address ({@code an@example.vn}) when what is written is a valid internet address. */
    static Optional<String> email(String written) {
        try {
            return Optional.of(new InternetAddress(written.strip(), true).getAddress());
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    /**
     * The number in international form. Vietnamese numbers are written nationally ({@code 0912 345 678}) or with the
     * country code ({@code 84912345678}, {@code +84 912 345 678}, also {@code +84 0912 345 678}); all become
     * {@code +84912345678}. Other international numbers ({@code +}, {@code 00}) are kept.
     */
    static Optional<String> phone(String written) {
        String number = SEPARATORS.matcher(written).replaceAll("");
        String digits;
        if (number.startsWith("+")) {
            digits = number.substring(1);
        } else if (number.startsWith("00")) {
            digits = number.substring(2);
        } else if (number.startsWith("0")) {
            digits = "84" + number.substring(1);
        } else if (number.startsWith("84") && number.length() >= 11) {
            digits = number;
        } else {
            return Optional.empty();
        }
        if (digits.startsWith("840")) {
            digits = "84" + digits.substring(3); // the national 0 kept after the country code
        }
        boolean valid = DIGITS.matcher(digits).matches()
                && (digits.startsWith("84") ? digits.length() >= 11 && digits.length() <= 12
                                            : digits.length() >= 8 && digits.length() <= 15);
        return valid ? Optional.of("+" + digits) : Optional.empty();
    }
}
