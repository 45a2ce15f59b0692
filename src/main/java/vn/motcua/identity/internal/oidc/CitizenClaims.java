package vn.motcua.identity.internal.oidc;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The one place that maps a national identity provider's claims to an applicant account: which claim carries what, in
 * which format. The default claim names are those of the national portal's single sign-on as OpenCPS reads them
 * ({@code DVCQGSSOActionImpl}: {@code SoDinhDanh}, {@code HoVaTen}, {@code SoDienThoai}, {@code ThuDienTu},
 * {@code MaSoThue}); OpenCPS reads no birth date, so {@code NgaySinh} is this portal's guess. <b>A province must confirm
 * with its contract</b>: every claim name (each is a setting, {@code motcua.identity.oidc.citizen.claims.*}), the
 * birth date's format (dd/MM/yyyy, yyyy-MM-dd and yyyyMMdd are read), and that the tax code is sent only for a
 * business account (its presence makes the applicant a business).
 */
public final class CitizenClaims {

    public static final String ID_NUMBER = "SoDinhDanh";
    public static final String FULL_NAME = "HoVaTen";
    public static final String BIRTH_DATE = "NgaySinh";
    public static final String PHONE = "SoDienThoai";
    public static final String EMAIL = "ThuDienTu";
    public static final String TAX_CODE = "MaSoThue";

    /** The error codes a refused identity is reported with (read by {@link SignInPages}). */
    static final String ID_NUMBER_MISSING = "id_number_missing";
    static final String FULL_NAME_MISSING = "full_name_missing";

    private static final Pattern ID_NUMBER_FORMAT = Pattern.compile("\\d{12}");
    private static final Pattern TAX_CODE_FORMAT = Pattern.compile("\\d{10}(-\\d{3})?");
    private static final Pattern PHONE_FORMAT = Pattern.compile("\\+?\\d{8,15}");
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ofPattern("dd/MM/uuuu"),
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.BASIC_ISO_DATE);

    private final NationalSignInProperties.Claims names;

    CitizenClaims(NationalSignInProperties.Claims names) {
        this.names = names;
    }

    /** The applicant the provider vouches for. */
    public record Identity(String idNumber, String fullName, LocalDate birthDate, String phone, String email,
                           String taxCode) {

        public boolean business() {
            return taxCode != null;
        }
    }

    /**
     * Reads the claims; refuses (nothing else happens) an identity without a 12-digit personal identification number
     * or without a name. Other claims that are missing or malformed are left empty: the person completes them later.
     */
    Identity read(Map<String, Object> claims) {
        String idNumber = text(claims, names.idNumber());
        if (idNumber == null || !ID_NUMBER_FORMAT.matcher(idNumber).matches()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(ID_NUMBER_MISSING));
        }
        String fullName = text(claims, names.fullName());
        if (fullName == null) {
            fullName = text(claims, "name"); // the standard claim, when the provider sends no Vietnamese one
        }
        if (fullName == null || fullName.length() > 200) {
            throw new OAuth2AuthenticationException(new OAuth2Error(FULL_NAME_MISSING));
        }
        String phone = text(claims, names.phone());
        String email = text(claims, names.email());
        String taxCode = text(claims, names.taxCode());
        return new Identity(idNumber, fullName, date(text(claims, names.birthDate())),
                phone != null && PHONE_FORMAT.matcher(phone.replace(" ", "")).matches() ? phone.replace(" ", "") : null,
                email != null && email.length() <= 254 && email.indexOf('@') > 0 ? email : null,
                taxCode != null && TAX_CODE_FORMAT.matcher(taxCode).matches() ? taxCode : null);
    }

    private static String text(Map<String, Object> claims, String name) {
        Object value = name == null ? null : claims.get(name);
        String text = value == null ? null : value.toString().strip();
        return text == null || text.isEmpty() ? null : text;
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return null;
    }
}
