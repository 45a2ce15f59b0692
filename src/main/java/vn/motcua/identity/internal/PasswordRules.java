package vn.motcua.identity.internal;

import java.util.Locale;
import java.util.Set;

import vn.motcua.platform.web.UserFacingException;

/**
 * What a password chosen by a person must be: at least 12 characters, at most 128 (the hash's input stays bounded),
 * not the username, not one of the passwords everyone tries first, and typed the same twice.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    /** Passwords of 12 characters or more that lists of leaked passwords start with, and local ones. */
    private static final Set<String> COMMON = Set.of("123456789012", "1234567890123", "12345678901234",
            "123456789abc", "abc123456789", "qwertyuiopas", "qwerty123456", "qwertyuiop12", "password1234",
            "password12345", "passw0rd1234", "111111111111", "000000000000", "123123123123", "iloveyou1234",
            "admin1234567", "administrator", "adminadmin12", "matkhau12345", "matkhau123456", "motcua123456",
            "motcuadientu", "dichvucong123", "vietnam12345", "vietnam123456", "hanoi1234567", "changeme1234",
            "welcome12345", "letmein12345", "1q2w3e4r5t6y", "abcd12345678", "aaaaaaaaaaaa", "abcdefghijkl");

    private PasswordRules() {
    }

    /** Throws a 400 with the reason a person can act on, or returns when the password is acceptable. */
    public static void check(String username, String password, String repeat) {
        if (password == null || password.isEmpty()) {
            throw UserFacingException.badRequest("password.invalid.empty");
        }
        if (!password.equals(repeat)) {
            throw UserFacingException.badRequest("password.invalid.repeat");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw UserFacingException.badRequest("password.invalid.short", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw UserFacingException.badRequest("password.invalid.long", MAX_LENGTH);
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        if (username != null && folded.contains(username.strip().toLowerCase(Locale.ROOT))) {
            throw UserFacingException.badRequest("password.invalid.username");
        }
        if (COMMON.contains(folded)) {
            throw UserFacingException.badRequest("password.invalid.common");
        }
    }
}
