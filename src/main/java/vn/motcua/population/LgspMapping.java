package vn.motcua.population;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.ResidentCheck.Identity;
import vn.motcua.dossier.ResidentCheck.Part;

/**
 * Every name and code the population database service of the LGSP is spoken to with, in one place, so that a
 * province adjusts this class alone when its LGSP contract says otherwise. The shapes follow what provincial systems
 * exchange with the LGSP (OpenCPS {@code LGSPRestClient}: an OAuth2 client-credentials token, {@code access_token},
 * {@code expires_in}) and the register's Vietnamese field names (OpenCPS {@code CitizenList}: {@code SoDinhDanh},
 * {@code HoVaTen}, {@code NgayThangNamSinh}).
 *
 * <p>A province must confirm with its own LGSP contract:
 * <ul>
 * <li>the service path {@link #CHECK_PATH} and that it is one POST with a JSON body;</li>
 * <li>the request fields {@link #ID_NUMBER}, {@link #FULL_NAME}, {@link #BIRTH_DATE} (written {@link #DATE_FORMAT}),
 * {@link #REQUEST_ID} and {@link #CALLER};</li>
 * <li>the answer: {@link #STATUS} with {@link #FOUND} / {@link #NOT_FOUND}, the per-field verdicts under
 * {@link #COMPARISON} (booleans under the request's field names), the addresses {@link #PERMANENT_ADDRESS} and
 * {@link #CURRENT_ADDRESS};</li>
 * <li>the token endpoint's form fields ({@code grant_type=client_credentials}, {@code client_id},
 * {@code client_secret}) and answer ({@code access_token}, {@code expires_in} in seconds);</li>
 * <li>whether the LGSP signs its answers, with which header ({@link #SIGNATURE_HEADER}) and algorithm (here the
 * lower-case hex HMAC-SHA256 of the exact body under a shared secret).</li>
 * </ul>
 */
public final class LgspMapping {

    /** Appended to {@code motcua.population.url}. */
    public static final String CHECK_PATH = "/congdan/doichieu";
    public static final String SIGNATURE_HEADER = "X-Signature";

    // request
    public static final String REQUEST_ID = "MaYeuCau";
    public static final String CALLER = "MaDonVi";
    public static final String ID_NUMBER = "SoDinhDanh";
    public static final String FULL_NAME = "HoVaTen";
    public static final String BIRTH_DATE = "NgayThangNamSinh";
    public static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    // answer
    public static final String STATUS = "TrangThai";
    public static final String FOUND = "TIM_THAY";
    public static final String NOT_FOUND = "KHONG_TIM_THAY";
    public static final String COMPARISON = "KetQuaDoiChieu";
    public static final String PERMANENT_ADDRESS = "NoiThuongTru";
    public static final String CURRENT_ADDRESS = "NoiOHienTai";

    // token endpoint
    public static final String ACCESS_TOKEN = "access_token";
    public static final String EXPIRES_IN = "expires_in";

    private LgspMapping() {
    }

    /** The check's body. */
    public static Map<String, Object> request(Identity identity, String requestId, String caller) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(REQUEST_ID, requestId);
        if (caller != null) {
            body.put(CALLER, caller);
        }
        body.put(ID_NUMBER, identity.idNumber().strip());
        body.put(FULL_NAME, identity.fullName().strip());
        body.put(BIRTH_DATE, DATE_FORMAT.format(identity.birthDate()));
        return body;
    }

    /**
     * The register's answer, or {@link MalformedAnswer} when it is not one: no known status, or a found identity
     * without a boolean verdict for each of the three fields.
     */
    public static Answer answer(JsonNode body) {
        String status = body.path(STATUS).isString() ? body.path(STATUS).asString() : null;
        if (NOT_FOUND.equals(status)) {
            return new Answer(false, Set.of(), null, null);
        }
        if (!FOUND.equals(status)) {
            throw new MalformedAnswer("no " + STATUS + " " + FOUND + " or " + NOT_FOUND);
        }
        JsonNode comparison = body.path(COMPARISON);
        Set<Part> mismatched = EnumSet.noneOf(Part.class);
        for (Map.Entry<Part, String> field : Map.of(Part.ID_NUMBER, ID_NUMBER, Part.FULL_NAME, FULL_NAME,
                Part.BIRTH_DATE, BIRTH_DATE).entrySet()) {
            JsonNode value = comparison.path(field.getValue());
            if (!value.isBoolean()) {
                throw new MalformedAnswer(COMPARISON + "." + field.getValue() + " is not a boolean");
            }
            if (!value.asBoolean()) {
                mismatched.add(field.getKey());
            }
        }
        return new Answer(true, mismatched, text(body, PERMANENT_ADDRESS), text(body, CURRENT_ADDRESS));
    }

    /** The birth date as the register writes it. */
    public static String date(LocalDate date) {
        return DATE_FORMAT.format(date);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString().strip() : null;
    }

    /**
     * What the register said.
     *
     * @param found            whether it knows the ID number
     * @param mismatched       the parts it does not confirm
     * @param permanentAddress nơi thường trú, never shown unless everything matched and the applicant asked
     * @param currentAddress   nơi ở hiện tại, likewise
     */
    public record Answer(boolean found, Set<Part> mismatched, String permanentAddress, String currentAddress) {
    }

    /** An answer that is not one of the register's: a failed attempt, like no answer. */
    public static final class MalformedAnswer extends RuntimeException {
        public MalformedAnswer(String message) {
            super(message);
        }
    }
}
