package vn.motcua.dossier.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the official one-stop forms (Circular 03/2025/TT-VPCP, forms 01 to 07) print, as plain records that the
 * dossier core fills from its dossiers. {@link OfficialForms} renders each as a PDF.
 * <p>
 * Points in time are {@link Instant}s, printed in Vietnam's time zone (Asia/Ho_Chi_Minh); days without a time are
 * {@link LocalDate}s. Text fields are printed as given (escaped), so they hold what a person reads, in Vietnamese.
 * A nullable field leaves its line out, or blank for a person to write by hand where the paper form has one.
 * <p>
 * {@code trackingUrl} is the public address where the applicant follows the dossier; when present the form carries
 * it as a QR code. {@code number} is the form's own number ("Số: 125/GTN"), null when the agency does not number it.
 */
public final class FormData {

    private FormData() {
    }

    /**
     * The issuing agency, printed at the top left, and the place named in the date line.
     *
     * @param parentName the agency above it (cơ quan chủ quản), e.g. "Ủy ban nhân dân thành phố Huế"; null for none
     * @param name       the issuing agency, e.g. "Trung tâm Phục vụ hành chính công phường Thuận Hóa"
     * @param place      the place of issue in the date line, e.g. "Huế"
     */
    public record Issuer(String parentName, String name, String place) {
        public Issuer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(place, "place");
        }
    }

    /**
     * The person or organisation the dossier is for.
     *
     * @param name    full name of the person, or the organisation's name
     * @param address nullable
     * @param phone   nullable
     * @param email   nullable
     */
    public record Applicant(String name, String address, String phone, String email) {
        public Applicant {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Who signs a letter for the agency, e.g. authority "KT. CHỦ TỊCH" (nullable), title "PHÓ CHỦ TỊCH". */
    public record Signer(String authority, String title, String name) {
        public Signer {
            Objects.requireNonNull(title, "title");
        }
    }

    /** One document of a dossier with how many originals (bản chính) and copies (bản sao) were handed in. */
    public record DocumentLine(String name, int originals, int copies) {
        public DocumentLine {
            Objects.requireNonNull(name, "name");
            if (originals < 0 || copies < 0) {
                throw new IllegalArgumentException("Negative count for " + name);
            }
        }
    }

    /** Where the receipt is recorded in the dossier log (sổ theo dõi hồ sơ): volume (quyển số) and entry (số thứ tự). */
    public record LogEntry(String volume, int entry) {
        public LogEntry {
            Objects.requireNonNull(volume, "volume");
        }
    }

    /** One thing the applicant must add or correct, and why. */
    public record SupplementItem(String what, String reason) {
        public SupplementItem {
            Objects.requireNonNull(what, "what");
        }
    }

    /** Whether a step finished before, on or after its deadline. */
    public enum Timeliness {
        EARLY("Trước hạn"), ON_TIME("Đúng hạn"), LATE("Quá hạn");

        private final String label;

        Timeliness(String label) {
            this.label = label;
        }

        /** As printed on form 06. */
        public String label() {
            return label;
        }
    }

    /**
     * One hand-over of the dossier between agencies or officers, a row of form 06.
     *
     * @param agency       the agency or unit that takes the dossier over
     * @param timeliness   how the step that ends with this hand-over kept its deadline; null while not known
     * @param notes        nullable
     */
    public record HandOver(String agency, Instant at, String handedOverBy, String receivedBy, Timeliness timeliness,
                           String notes) {
        public HandOver {
            Objects.requireNonNull(agency, "agency");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * One dossier in the dossier log (form 07). The times after {@code dueAt} are null until they happen; the
     * applicant signs on paper in the column left for it.
     *
     * @param no         the entry number in the log
     * @param leadAgency the agency that leads the handling (cơ quan chủ trì giải quyết)
     */
    public record LogRow(int no, String dossierCode, String procedure, int sets, Applicant applicant, String leadAgency,
                         Instant receivedAt, Instant dueAt, Instant sentToAgencyAt, Instant resultBackAt,
                         Instant returnedAt, String notes) {
        public LogRow {
            Objects.requireNonNull(dossierCode, "dossierCode");
            Objects.requireNonNull(procedure, "procedure");
            Objects.requireNonNull(applicant, "applicant");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    /**
     * Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả: the receipt slip without which no dossier is accepted.
     * Dated on {@code receivedAt}.
     *
     * @param request        what is asked for, usually the procedure's name
     * @param submittedBy    who handed the dossier in and signs, when not the applicant; null leaves the line blank
     * @param processingTime the legal processing time as the catalog words it, e.g. "05 ngày làm việc"
     * @param collectAt      where the result is to be collected, e.g. the counter or "Dịch vụ bưu chính công ích"
     * @param officerName    the receiving officer, who signs
     * @param trackingUrl    required: the receipt slip always carries the QR code
     */
    public record ReceiptSlip(Issuer issuer, String number, String dossierCode, Applicant applicant, String submittedBy,
                              String request, List<DocumentLine> documents, int sets, String processingTime,
                              Instant receivedAt, Instant returnAt, String collectAt, LogEntry log, String officerName,
                              String trackingUrl) {
        public ReceiptSlip {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(dossierCode, "dossierCode");
            Objects.requireNonNull(applicant, "applicant");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(returnAt, "returnAt");
            Objects.requireNonNull(trackingUrl, "trackingUrl");
            documents = List.copyOf(documents);
            if (sets < 1) {
                throw new IllegalArgumentException("A dossier has at least one set: " + sets);
            }
        }
    }

    /**
     * Form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: everything to add or correct, in one request.
     *
     * @param officerName  the officer who guides the applicant, signs and is the contact
     * @param officerPhone the number to call with questions
     */
    public record SupplementRequest(Issuer issuer, String number, String dossierCode, Instant issuedAt,
                                    Applicant applicant, String request, List<SupplementItem> items, String officerName,
                                    String officerPhone, String trackingUrl) {
        public SupplementRequest {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(dossierCode, "dossierCode");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(applicant, "applicant");
            Objects.requireNonNull(request, "request");
            items = List.copyOf(items);
            if (items.isEmpty()) {
                throw new IllegalArgumentException("A supplement request lists at least one item");
            }
        }
    }

    /** Form 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ, with the specific reason; signed by the officer. */
    public record Refusal(Issuer issuer, String number, String dossierCode, Instant issuedAt, Applicant applicant,
                          String request, String reason, String officerName, String trackingUrl) {
        public Refusal {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(dossierCode, "dossierCode");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(applicant, "applicant");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Form 04, Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết: issued by the handling agency before the due
     * date passes.
     *
     * @param procedure the procedure's name
     */
    public record Apology(Issuer issuer, String number, String dossierCode, Instant issuedAt, Applicant applicant,
                          String procedure, Instant receivedAt, Instant originalDueAt, String reason, Instant newDueAt,
                          Signer signer, String trackingUrl) {
        public Apology {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(dossierCode, "dossierCode");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(applicant, "applicant");
            Objects.requireNonNull(procedure, "procedure");
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(originalDueAt, "originalDueAt");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(newDueAt, "newDueAt");
            Objects.requireNonNull(signer, "signer");
            if (!newDueAt.isAfter(originalDueAt)) {
                throw new IllegalArgumentException("The new return date must come after the original due date");
            }
        }
    }

    /** Form 05, Thông báo dừng giải quyết hồ sơ: handling stops, with the reason. */
    public record StopNotice(Issuer issuer, String number, String dossierCode, Instant issuedAt, Applicant applicant,
                             String procedure, Instant receivedAt, String reason, Signer signer, String trackingUrl) {
        public StopNotice {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(dossierCode, "dossierCode");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(applicant, "applicant");
            Objects.requireNonNull(procedure, "procedure");
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(signer, "signer");
        }
    }

    /**
     * Form 06, Phiếu kiểm soát quá trình giải quyết hồ sơ (A4): travels with the dossier, a row per hand-over.
     * Dated on {@code receivedAt}.
     *
     * @param receiptNumber the number of the receipt slip it goes with; nullable
     * @param leadAgency    the agency that leads the handling
     * @param returnedAt    null until the result is returned
     */
    public record ControlSheet(Issuer issuer, String dossierCode, String receiptNumber, Applicant applicant,
                               String request, String leadAgency, Instant receivedAt, Instant dueAt,
                               Instant returnedAt, List<HandOver> handOvers, String trackingUrl) {
        public ControlSheet {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(dossierCode, "dossierCode");
            Objects.requireNonNull(applicant, "applicant");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(dueAt, "dueAt");
            handOvers = List.copyOf(handOvers);
        }
    }

    /**
     * Form 07, Sổ theo dõi hồ sơ (A4 landscape): the log of one counter over a period, printed on {@code issuedAt}.
     *
     * @param counter the counter or unit the log belongs to, e.g. "Quầy số 1"
     * @param volume  the log's volume (quyển số); nullable
     */
    public record DossierLog(Issuer issuer, String counter, String volume, LocalDate from, LocalDate to,
                             Instant issuedAt, List<LogRow> rows) {
        public DossierLog {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(counter, "counter");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(issuedAt, "issuedAt");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("The period ends before it starts: " + from + " to " + to);
            }
            rows = List.copyOf(rows);
        }
    }

    /**
     * A result document the system lays out when the official writes what was decided instead of uploading a file;
     * it is then numbered, stamped and signed like an uploaded one.
     */
    public record ResultDocument(Issuer issuer, String dossierCode, Instant issuedAt, Applicant applicant,
                                 String procedure, String result, String content, Signer signer) {
        public ResultDocument {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(dossierCode, "dossierCode");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(applicant, "applicant");
            Objects.requireNonNull(procedure, "procedure");
            Objects.requireNonNull(content, "content");
        }
    }
}
