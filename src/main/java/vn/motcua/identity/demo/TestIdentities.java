package vn.motcua.identity.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.motcua.identity.internal.oidc.CitizenClaims;

/**
 * The two people the demo's test identity provider can sign in, under the claim names that are the national sign-in's
 * defaults ({@link CitizenClaims}). The first person is the demo account {@code citizen} (same identification number, so the
 * linking of an existing local account can be shown); the second has no local account, so the first sign-in creates
 * one.
 */
public final class TestIdentities {

    public static final String ID_NUMBER = CitizenClaims.ID_NUMBER;
    public static final String FULL_NAME = CitizenClaims.FULL_NAME;
    /** ISO date, yyyy-MM-dd (one of the formats the sign-in reads). */
    public static final String BIRTH_DATE = CitizenClaims.BIRTH_DATE;
    public static final String PHONE = CitizenClaims.PHONE;
    public static final String EMAIL = CitizenClaims.EMAIL;
    public static final String TAX_CODE = CitizenClaims.TAX_CODE;

    /** One test person; {@code key} is what the login page posts, {@code subject} the token's {@code sub}. */
    public record TestIdentity(String key, String subject, String fullName, String idNumber, LocalDate birthDate,
            String phone, String email, String taxCode, boolean hasDemoAccount) {

        /** The claims of this person's ID token (and access token and userinfo), besides the standard ones. */
        public Map<String, Object> claims() {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put(ID_NUMBER, idNumber);
            claims.put(FULL_NAME, fullName);
            claims.put(BIRTH_DATE, birthDate.toString());
            claims.put(PHONE, phone);
            claims.put(EMAIL, email);
            if (taxCode != null) {
                claims.put(TAX_CODE, taxCode);
            }
            return claims;
        }
    }

    public static final TestIdentity AN = new TestIdentity("an", "thu-nghiem-046090001234", "Nguyễn Văn An",
            "046090001234", LocalDate.of(1990, 5, 14), "0912345678", "citizen@example.vn", null, true);

    public static final TestIdentity CHAU = new TestIdentity("chau", "thu-nghiem-046198004321", "Lê Minh Châu",
            "046198004321", LocalDate.of(1998, 3, 21), "0935112233", "le.minh.chau@example.vn", null, false);

    public static final List<TestIdentity> ALL = List.of(AN, CHAU);

    private TestIdentities() {
    }

    public static Optional<TestIdentity> byKey(String key) {
        return ALL.stream().filter(identity -> identity.key().equals(key)).findFirst();
    }
}
