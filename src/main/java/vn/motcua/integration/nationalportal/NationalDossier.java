package vn.motcua.integration.nationalportal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dossier as submitted on the National Public Service Portal, read by {@link IntakeMapping}.
 *
 * @param nationalCode  its code there ({@code MaHoSo})
 * @param agencyCode    the national agency code as sent ({@code MaCoQuan}); {@link IntakeMapping#agency} maps it
 * @param applicantType 1 a citizen, 2 a business ({@code LoaiDoiTuong})
 */
public record NationalDossier(String nationalCode, String procedureCode, String agencyCode, Instant submittedAt,
                              Holder holder, int applicantType, String taxCode, Map<String, String> formData,
                              List<Document> documents) {

    /** The applicant ({@code ChuHoSo}); {@code birthDate} as sent. */
    public record Holder(String fullName, String idNumber, String birthDate, String phone, String email,
                         String address) {
    }

    /**
     * One document ({@code TaiLieuNop}).
     *
     * @param documentIndex which of the procedure's required documents it is, 0-based as here; null when not said
     */
    public record Document(String id, String fileName, Integer documentIndex, String url) {
    }
}
