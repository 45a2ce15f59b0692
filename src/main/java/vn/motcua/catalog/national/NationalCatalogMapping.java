package vn.motcua.catalog.national;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import vn.motcua.catalog.ApplicantType;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.RequiredDocument;

/**
 * Every name and code of the exchange with the national procedure database, in one place: a province whose contract
 * words a message otherwise changes this class alone. The shapes follow OpenCPS's national-portal integration
 * ({@code DVCQGIntegrationActionImpl}: services {@code LayThuTuc} and {@code LayDanhSachTTHC}, answers
 * {@code {"error_code": 0, "result": [...]}} with upper-case fields such as {@code MATTHC}, {@code TENTTHC},
 * {@code LINHVUCTHUCHIEN}, {@code COQUANTHUCHIEN}, {@code CACHTHUCTHUCHIEN.THOIGIAN}, {@code THANHPHANHOSO.GIAYTO},
 * {@code CANCUPHAPLY}, {@code KETQUATHUCHIEN}, {@code TRINHTUTHUCHIEN.TRINHTU}).
 *
 * <p>A province must confirm with its contract:
 * <ul>
 *   <li>the request fields {@code maTTHC} and {@code maLinhVuc} and that {@code LayDanhSachTTHC} filters by field;</li>
 *   <li>{@code QUYETDINHCONGBO} ({@code SOQUYETDINH}, {@code NGAYBANHANH}) and {@code NGAYHIEULUC}, which OpenCPS
 *       does not read: their names and the date format ({@code dd/MM/yyyy}, or ISO {@code yyyy-MM-dd});</li>
 *   <li>{@code CAPTHUCHIEN} and its values ({@link #LEVELS}), and {@code SOBANCHINH}, {@code SOBANSAO},
 *       {@code BATBUOC} of a document, which OpenCPS does not read either;</li>
 *   <li>the applicant groups of {@code DOITUONGTHUCHIEN.TENDOITUONG} ({@link #applicantType});</li>
 *   <li>that {@code COQUANTHUCHIEN.MADONVI} is the agency's national code, as this province's agencies are coded.</li>
 * </ul>
 */
public final class NationalCatalogMapping {

    static final String SERVICE = "service";
    static final String ONE_PROCEDURE = "LayThuTuc";
    static final String PROCEDURES_OF_FIELD = "LayDanhSachTTHC";
    static final String CODE_PARAMETER = "maTTHC";
    static final String FIELD_PARAMETER = "maLinhVuc";

    static final String ERROR_CODE = "error_code";
    static final String RESULT = "result";
    static final String CODE = "MATTHC";
    static final String NAME = "TENTTHC";
    static final String FIELDS = "LINHVUCTHUCHIEN";
    static final String FIELD_CODE = "MALINHVUC";
    static final String FIELD_NAME = "TENLINHVUC";
    static final String LEVEL = "CAPTHUCHIEN";
    static final String AGENCIES = "COQUANTHUCHIEN";
    static final String AGENCY_CODE = "MADONVI";
    static final String AGENCY_NAME = "TENDONVI";
    static final String CHANNELS = "CACHTHUCTHUCHIEN";
    static final String TIMES = "THOIGIAN";
    static final String DAYS = "THOIGIANGIAIQUYET";
    static final String DESCRIPTION = "MOTA";
    static final String FEES = "PHILEPHI";
    static final String AMOUNT = "SOTIEN";
    static final String DOSSIER_PARTS = "THANHPHANHOSO";
    static final String DOCUMENTS = "GIAYTO";
    static final String DOCUMENT_NAME = "TENGIAYTO";
    static final String ORIGINALS = "SOBANCHINH";
    static final String COPIES = "SOBANSAO";
    static final String MANDATORY = "BATBUOC";
    static final String TEMPLATE = "TENMAUDON";
    static final String APPLICANTS = "DOITUONGTHUCHIEN";
    static final String APPLICANT_NAME = "TENDOITUONG";
    static final String REQUIREMENTS = "YEUCAU";
    static final String LEGAL_BASIS = "CANCUPHAPLY";
    static final String LAW_NAME = "TENVANBAN";
    static final String RESULTS = "KETQUATHUCHIEN";
    static final String RESULT_NAME = "TENKETQUA";
    static final String STEP_GROUPS = "TRINHTUTHUCHIEN";
    static final String STEPS = "TRINHTU";
    static final String STEP_NAME = "TENTRINHTU";
    static final String DECISION = "QUYETDINHCONGBO";
    static final String DECISION_NUMBER = "SOQUYETDINH";
    static final String DECISION_DATE = "NGAYBANHANH";
    static final String EFFECTIVE_DATE = "NGAYHIEULUC";

    /** {@code CAPTHUCHIEN} values, folded to lower case without "cấp". */
    static final List<String> LEVELS = List.of("tỉnh", "xã");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private NationalCatalogMapping() {
    }

    static ObjectNode procedureRequest(JsonMapper json, String code) {
        return json.createObjectNode().put(SERVICE, ONE_PROCEDURE).put(CODE_PARAMETER, code);
    }

    static ObjectNode fieldRequest(JsonMapper json, String fieldCode) {
        return json.createObjectNode().put(SERVICE, PROCEDURES_OF_FIELD).put(FIELD_PARAMETER, fieldCode);
    }

    /**
     * The {@code result} items of an answer.
     *
     * @throws MalformedAnswerException when it is not an answer of this shape, or says it failed
     */
    static List<JsonNode> results(JsonNode answer) {
        if (answer == null || !answer.isObject() || answer.path(ERROR_CODE).asInt(-1) != 0
                || !answer.path(RESULT).isArray()) {
            throw new MalformedAnswerException("no error_code 0 with a result list");
        }
        List<JsonNode> items = new ArrayList<>();
        answer.path(RESULT).forEach(items::add);
        return items;
    }

    /** The procedure codes of a {@code LayDanhSachTTHC} answer. */
    static List<String> codes(JsonNode answer) {
        return results(answer).stream().map(item -> required(item, CODE)).toList();
    }

    /**
     * One {@code LayThuTuc} item in the catalog's terms. What the national side does not say takes the values an
     * Excel-imported procedure gets: information only online, no form fields; agencies are the listed
     * {@code MADONVI} codes (checked against the organisation when the difference is worked out).
     */
    static NationalProcedure procedure(JsonNode item) {
        String code = required(item, CODE);
        JsonNode field = item.path(FIELDS).path(0);
        JsonNode time = item.path(CHANNELS).path(0).path(TIMES).path(0);
        List<String> agencyCodes = new ArrayList<>();
        List<String> agencyNames = new ArrayList<>();
        item.path(AGENCIES).forEach(a -> {
            add(agencyCodes, text(a, AGENCY_CODE));
            add(agencyNames, text(a, AGENCY_NAME));
        });
        List<Fee> fees = new ArrayList<>();
        List<String> feeNotes = new ArrayList<>();
        time.path(FEES).forEach(f -> {
            fees.add(new Fee(text(f, DESCRIPTION), Math.round(f.path(AMOUNT).asDouble(0))));
            add(feeNotes, text(f, DESCRIPTION));
        });
        List<RequiredDocument> documents = new ArrayList<>();
        item.path(DOSSIER_PARTS).forEach(part -> part.path(DOCUMENTS).forEach(d -> documents.add(new RequiredDocument(
                text(d, DOCUMENT_NAME), d.path(ORIGINALS).asInt(1), d.path(COPIES).asInt(0),
                d.path(MANDATORY).asBoolean(true), text(d, TEMPLATE)))));
        Set<ApplicantType> applicants = EnumSet.noneOf(ApplicantType.class);
        item.path(APPLICANTS).forEach(a -> applicants.add(applicantType(text(a, APPLICANT_NAME))));
        List<String> laws = new ArrayList<>();
        item.path(LEGAL_BASIS).forEach(l -> add(laws, text(l, LAW_NAME)));
        List<String> results = new ArrayList<>();
        item.path(RESULTS).forEach(r -> add(results, text(r, RESULT_NAME)));
        List<String> steps = new ArrayList<>();
        item.path(STEP_GROUPS).forEach(g -> g.path(STEPS).forEach(s -> add(steps, text(s, STEP_NAME))));
        int days = time.path(DAYS).asInt(-1);
        Procedure procedure = new Procedure(code, required(item, NAME), text(field, FIELD_NAME), level(text(item, LEVEL)),
                String.join("; ", agencyNames), agencyCodes, OnlineLevel.INFO, days, text(time, DESCRIPTION), fees,
                String.join("; ", feeNotes), documents, List.copyOf(applicants), text(item, REQUIREMENTS), laws,
                String.join("; ", results), String.join("\n", steps), List.of());
        JsonNode decision = item.path(DECISION);
        return new NationalProcedure(procedure, text(field, FIELD_CODE), text(decision, DECISION_NUMBER),
                date(text(decision, DECISION_DATE)), date(text(item, EFFECTIVE_DATE)));
    }

    /** {@code Cấp Tỉnh} and {@code Cấp Xã}; null (a problem the preview shows) for anything else. */
    static ProcedureLevel level(String value) {
        if (value == null) {
            return null;
        }
        String v = value.toLowerCase(Locale.ROOT).replace("cấp", "").strip();
        return v.equals(LEVELS.get(0)) ? ProcedureLevel.PROVINCE : v.equals(LEVELS.get(1)) ? ProcedureLevel.COMMUNE : null;
    }

    /** "Tổ chức", "Doanh nghiệp" (and cooperatives) are told by name; anyone else applies as a citizen. */
    static ApplicantType applicantType(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.contains("doanh nghiệp") || n.contains("hợp tác xã") || n.contains("hộ kinh doanh")) {
            return ApplicantType.BUSINESS;
        }
        return n.contains("tổ chức") ? ApplicantType.ORGANIZATION : ApplicantType.CITIZEN;
    }

    static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, DAY) : LocalDate.parse(value.substring(0, Math.min(10, value.length())));
        } catch (DateTimeParseException e) {
            throw new MalformedAnswerException("unreadable date " + value);
        }
    }

    private static String required(JsonNode item, String name) {
        String value = text(item, name);
        if (value == null) {
            throw new MalformedAnswerException("an item without " + name);
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull() || value.isContainer()) {
            return null;
        }
        String s = value.asString("").strip();
        return s.isEmpty() ? null : s;
    }

    private static void add(List<String> list, String value) {
        if (value != null) {
            list.add(value);
        }
    }

    /** An answer that does not have the agreed shape. */
    static final class MalformedAnswerException extends RuntimeException {
        MalformedAnswerException(String message) {
            super(message);
        }
    }
}
