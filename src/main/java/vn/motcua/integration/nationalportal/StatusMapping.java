package vn.motcua.integration.nationalportal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import vn.motcua.dossier.ApologyIssued;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierRefused;
import vn.motcua.dossier.DossierReturned;
import vn.motcua.dossier.DossierSubmitted;
import vn.motcua.dossier.DossierTransferred;
import vn.motcua.dossier.DossierWithdrawn;
import vn.motcua.dossier.ResultReady;
import vn.motcua.dossier.StepCompleted;
import vn.motcua.dossier.SupplementReceived;
import vn.motcua.dossier.SupplementRequested;
import vn.motcua.platform.web.VietnamTime;

/**
 * Everything the status sync says in the national portal's words: its paths, field names, status codes, channel codes
 * and date format, in one place so that a province adjusts them here when its contract says otherwise. The names
 * follow what OpenCPS ({@code DVCQGIntegrationActionImpl}) sends to the National Public Service Portal (DVCQG).
 *
 * <p>A province must confirm with its own contract:
 * <ul>
 * <li>the status codes ({@code TrangThaiHoSo}) below: OpenCPS reads them from a per-site table
 * ({@code DossierStatusMapping.statusCodeDVCQG}); these are the DVCQG list as commonly published (1 mới đăng ký,
 * 2 được tiếp nhận, 3 không được tiếp nhận, 4 đang xử lý, 5 yêu cầu bổ sung, 7 công dân rút hồ sơ, 8 dừng xử lý,
 * 9 đã xử lý xong, 10 đã trả kết quả);</li>
 * <li>that a refusal before reception is 3 and after it 8, and that an apology (new appointment) and a transfer to
 * another agency are sent as 4 with the new {@code NgayHenTra};</li>
 * <li>the channel codes ({@code KenhNop}: 1 trực tiếp, 2 trực tuyến, 3 bưu chính), and whether a dossier taken from
 * the national portal itself is 2;</li>
 * <li>the agency code ({@code MaCoQuan}): we send our code of the competent agency, which must be the one registered
 * at the national portal;</li>
 * <li>the date format {@code yyyyMMddHHmmss} in Vietnam time, and the paths of the two calls.</li>
 * </ul>
 */
public final class StatusMapping {

    public static final String SYNC_PATH = "/ho-so/dong-bo-trang-thai";
    public static final String RECONCILIATION_PATH = "/ho-so/doi-soat";

    // request envelope
    public static final String PROVINCE = "MaDonVi";
    public static final String DATA = "data";
    public static final String DAY = "Ngay";
    // one status message
    public static final String MESSAGE_ID = "MessageId";
    public static final String DOSSIER_CODE = "MaHoSo";
    public static final String NATIONAL_CODE = "MaHoSoQG";
    public static final String PROCEDURE_CODE = "MaTTHC";
    public static final String SEQUENCE = "ThuTu";
    public static final String STATUS = "TrangThaiHoSo";
    public static final String UPDATED_AT = "NgayCapNhat";
    public static final String RECEIVED_AT = "NgayTiepNhan";
    public static final String DUE_AT = "NgayHenTra";
    public static final String RETURNED_AT = "NgayTra";
    public static final String AGENCY = "MaCoQuan";
    public static final String CHANNEL = "KenhNop";
    // answers
    public static final String ERROR_CODE = "error_code";
    public static final String OK = "0";
    public static final String ERROR_MESSAGE = "message";
    public static final String ACCEPTED = "accepted";
    public static final String COUNT = "SoHoSo";

    /** The national portal's date and time: {@code yyyyMMddHHmmss} in Vietnam time. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(VietnamTime.ZONE);
    /** The reconciliation's day. */
    public static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ISO_LOCAL_DATE;

    public static final String SUBMITTED = "1";
    public static final String RECEIVED = "2";
    public static final String NOT_RECEIVED = "3";
    public static final String PROCESSING = "4";
    public static final String SUPPLEMENT_REQUESTED = "5";
    public static final String WITHDRAWN = "7";
    public static final String STOPPED = "8";
    public static final String DONE = "9";
    public static final String RETURNED = "10";

    private StatusMapping() {
    }

    /**
     * The national status a dossier event reports, or null for an event that is no status change.
     *
     * @param receivedBefore whether the dossier had been received before the event (a refusal then stops handling)
     */
    public static String status(Object event, boolean receivedBefore) {
        return switch (event) {
            case DossierSubmitted e -> SUBMITTED;
            case DossierReceived e -> RECEIVED;
            case StepCompleted e -> e.toStep() == 0 ? RECEIVED : PROCESSING;
            case DossierTransferred e -> PROCESSING;
            case ApologyIssued e -> PROCESSING;
            case SupplementRequested e -> SUPPLEMENT_REQUESTED;
            case SupplementReceived e -> receivedBefore ? PROCESSING : SUBMITTED;
            case DossierRefused e -> receivedBefore ? STOPPED : NOT_RECEIVED;
            case DossierWithdrawn e -> WITHDRAWN;
            case ResultReady e -> DONE;
            case DossierReturned e -> RETURNED;
            default -> null;
        };
    }

    /** The channel code ({@code KenhNop}). */
    public static String channel(Channel channel) {
        return switch (channel) {
            case COUNTER -> "1";
            case ONLINE, NATIONAL_PORTAL -> "2";
            case POSTAL -> "3";
        };
    }

    /** A date and time as the national portal writes it, or null. */
    public static String dateTime(Instant at) {
        return at == null ? null : DATE_TIME.format(at);
    }
}
