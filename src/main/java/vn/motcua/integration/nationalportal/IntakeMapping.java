package vn.motcua.integration.nationalportal;

import static vn.motcua.platform.text.Texts.blankToNull;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.NewDossier;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;

/**
 * Every field name and code of the intake of national dossiers, in one place, following the DVCQG names that OpenCPS
 * exchanges with the national portal ({@code DVCQGIntegrationActionImpl}): a province adjusts this class when its
 * contract with the national portal says otherwise. The status sync keeps its own mapping beside it.
 *
 * <p>What a province must confirm with its own contract:
 * <ul>
 * <li>the field names of the pull ({@code /ho-so/lay-danh-sach}: {@code MaDonVi}, {@code SoLuong}, answer
 *     {@code data}), of a national dossier ({@code MaHoSo}, {@code MaTTHC}, {@code MaCoQuan}, {@code NgayNop},
 *     {@code ChuHoSo} with {@code HoVaTen}, {@code SoDinhDanh}, {@code NgaySinh}, {@code SoDienThoai}, {@code Email},
 *     {@code DiaChi}; {@code LoaiDoiTuong}, {@code MaSoThue}, {@code TruongDuLieu}, {@code TaiLieuNop} with
 *     {@code TepDinhKemId}, {@code TenTepDinhKem}, {@code MaThanhPhanHoSo}, {@code DuongDanTaiTepTin}) and of the
 *     acknowledgement ({@code MaHoSo}, {@code MaHoSoDiaPhuong}, {@code KetQua}, {@code LyDo});</li>
 * <li>the agency codes: a national {@code MaCoQuan} is taken as this province's agency code unless
 *     {@code motcua.national-portal.intake.agency-codes} maps it;</li>
 * <li>the applicant types ({@code LoaiDoiTuong} 1 citizen, 2 business);</li>
 * <li>the date format ({@code yyyyMMddHHmmss}, Vietnam time);</li>
 * <li>the document index ({@code MaThanhPhanHoSo}: the 1-based position of the procedure's required document);</li>
 * <li>the acknowledgement's results ({@code TIEP_NHAN}, {@code TU_CHOI}) and the answer's {@code error_code} "0".</li>
 * </ul>
 */
@Component
public class IntakeMapping {

    public static final String PULL_PATH = "/ho-so/lay-danh-sach";
    public static final String ACK_PATH = "/ho-so/xac-nhan";
    public static final String UNIT = "MaDonVi";
    public static final String COUNT = "SoLuong";
    public static final String DATA = "data";
    public static final String ERROR_CODE = "error_code";
    public static final String MESSAGE = "message";
    public static final String OK = "0";

    public static final String NATIONAL_CODE = "MaHoSo";
    public static final String PROCEDURE = "MaTTHC";
    public static final String AGENCY = "MaCoQuan";
    public static final String SUBMITTED = "NgayNop";
    public static final String HOLDER = "ChuHoSo";
    public static final String FULL_NAME = "HoVaTen";
    public static final String ID_NUMBER = "SoDinhDanh";
    public static final String BIRTH_DATE = "NgaySinh";
    public static final String PHONE = "SoDienThoai";
    public static final String EMAIL = "Email";
    public static final String ADDRESS = "DiaChi";
    public static final String APPLICANT_TYPE = "LoaiDoiTuong";
    public static final String TAX_CODE = "MaSoThue";
    public static final String FORM = "TruongDuLieu";
    public static final String DOCUMENTS = "TaiLieuNop";
    public static final String DOCUMENT_ID = "TepDinhKemId";
    public static final String FILE_NAME = "TenTepDinhKem";
    public static final String DOCUMENT_INDEX = "MaThanhPhanHoSo";
    public static final String DOCUMENT_URL = "DuongDanTaiTepTin";

    public static final String LOCAL_CODE = "MaHoSoDiaPhuong";
    public static final String RESULT = "KetQua";
    public static final String REASON = "LyDo";
    public static final String RECEIVED = "TIEP_NHAN";
    public static final String REFUSED = "TU_CHOI";

    public static final int CITIZEN = 1;
    public static final int BUSINESS = 2;
    /** {@code NgayNop} and the other dates of the national portal, in Vietnam time. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final int MAX_CODE = 100;

    private final Map<String, String> agencyCodes;
    private final JsonMapper json;

    IntakeMapping(NationalIntakeProperties properties, JsonMapper json) {
        this.agencyCodes = properties.agencyCodes();
        this.json = json;
    }

    /** This province's agency code for a national one. */
    public String agency(String nationalAgencyCode) {
        return nationalAgencyCode == null ? null : agencyCodes.getOrDefault(nationalAgencyCode, nationalAgencyCode);
    }

    /**
     * Reads a national dossier.
     *
     * @throws UserFacingException (400) saying in Vietnamese what is missing or malformed
     */
    public NationalDossier read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw malformed("nationalPortal.intake.malformed.notObject");
        }
        if (node.toString().contains("\\u0000")) { // a NUL character, which PostgreSQL's text and jsonb refuse
            throw malformed("nationalPortal.intake.malformed.nul");
        }
        String code = required(node, NATIONAL_CODE);
        if (code.length() > MAX_CODE) {
            throw malformed("nationalPortal.intake.malformed.field", NATIONAL_CODE);
        }
        String submitted = text(node, SUBMITTED);
        Instant submittedAt = null;
        if (submitted != null) {
            try {
                submittedAt = LocalDateTime.parse(submitted, DATE_TIME).atZone(VietnamTime.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw malformed("nationalPortal.intake.malformed.field", SUBMITTED);
            }
        }
        JsonNode holder = node.path(HOLDER);
        if (!holder.isObject()) {
            throw malformed("nationalPortal.intake.malformed.field", HOLDER);
        }
        NationalDossier.Holder h = new NationalDossier.Holder(required(holder, FULL_NAME), text(holder, ID_NUMBER),
                text(holder, BIRTH_DATE), text(holder, PHONE), text(holder, EMAIL), text(holder, ADDRESS));
        String type = text(node, APPLICANT_TYPE);
        int applicantType = type == null ? CITIZEN : switch (type) {
            case "1" -> CITIZEN;
            case "2" -> BUSINESS;
            default -> throw malformed("nationalPortal.intake.malformed.field", APPLICANT_TYPE);
        };
        Map<String, String> form = new LinkedHashMap<>();
        JsonNode fields = node.path(FORM);
        if (!fields.isMissingNode() && !fields.isNull()) {
            if (!fields.isObject()) {
                throw malformed("nationalPortal.intake.malformed.field", FORM);
            }
            for (Map.Entry<String, JsonNode> field : fields.properties()) {
                if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                    form.put(field.getKey(), field.getValue().asString());
                }
            }
        }
        List<NationalDossier.Document> documents = new ArrayList<>();
        JsonNode files = node.path(DOCUMENTS);
        if (!files.isMissingNode() && !files.isNull() && !files.isArray()) {
            throw malformed("nationalPortal.intake.malformed.field", DOCUMENTS);
        }
        for (JsonNode file : files) {
            if (!file.isObject()) {
                throw malformed("nationalPortal.intake.malformed.field", DOCUMENTS);
            }
            String index = text(file, DOCUMENT_INDEX);
            Integer documentIndex = null;
            if (index != null) {
                try {
                    documentIndex = Integer.parseInt(index) - 1; // 1-based there, 0-based here
                } catch (NumberFormatException e) {
                    throw malformed("nationalPortal.intake.malformed.field", DOCUMENT_INDEX);
                }
            }
            documents.add(new NationalDossier.Document(text(file, DOCUMENT_ID), required(file, FILE_NAME),
                    documentIndex, required(file, DOCUMENT_URL)));
        }
        return new NationalDossier(code, required(node, PROCEDURE), required(node, AGENCY), submittedAt, h,
                applicantType, text(node, TAX_CODE), form, documents);
    }

    /** The dossier to create here: the mapped agency, the applicant as on a walk-in's dossier (no account). */
    public NewDossier newDossier(NationalDossier d) {
        NationalDossier.Holder h = d.holder();
        boolean business = d.applicantType() == BUSINESS;
        Applicant applicant = new Applicant(null, h.fullName(), h.idNumber(), h.phone(), h.email(), h.address(),
                business ? h.fullName() : null, business ? d.taxCode() : null);
        return new NewDossier(d.procedureCode(), agency(d.agencyCode()), d.formData(), applicant, 1);
    }

    /** Whether a document's URL may be fetched: only one under the national portal's base URL (no SSRF). */
    public static boolean under(URI base, String url) {
        URI u;
        try {
            u = URI.create(url).normalize();
        } catch (IllegalArgumentException e) {
            return false;
        }
        String prefix = base.toString().replaceAll("/+$", "") + "/";
        return u.getRawUserInfo() == null && u.getRawFragment() == null && !u.toString().contains("..")
                && !u.toString().toLowerCase(java.util.Locale.ROOT).contains("%2e")
                && u.toString().startsWith(prefix);
    }

    public String pullRequest(String provinceCode, int count) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(UNIT, provinceCode);
        body.put(COUNT, count);
        return json.writeValueAsString(body);
    }

    /** The acknowledgement of a dossier received (with our code) or refused (with the reason). */
    public String acknowledgement(String nationalCode, String localCode, boolean received, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(NATIONAL_CODE, nationalCode);
        body.put(LOCAL_CODE, localCode);
        body.put(RESULT, received ? RECEIVED : REFUSED);
        body.put(REASON, reason);
        return json.writeValueAsString(body);
    }

    /** The answer to a push: {@code error_code} "0" with our code, or the refusal's reason. */
    public Map<String, Object> pushAnswer(String nationalCode, String localCode, String state, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(ERROR_CODE, REFUSED.equals(state) ? "1" : OK);
        body.put(MESSAGE, reason == null ? state : reason);
        body.put(NATIONAL_CODE, nationalCode);
        body.put(LOCAL_CODE, localCode);
        body.put(RESULT, state);
        body.put(REASON, reason);
        return body;
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw malformed("nationalPortal.intake.malformed.missing", field);
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() || value.isNumber() ? blankToNull(value.asString()) : null;
    }

    private static UserFacingException malformed(String key, Object... args) {
        return new UserFacingException(HttpStatus.BAD_REQUEST, "invalid_request", key, args);
    }
}
