package vn.motcua.result;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Permission;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffMember;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.files.FileInspection;
import vn.motcua.platform.files.FileNames;
import vn.motcua.platform.security.Hashes;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.result.internal.ResultKeys;
import vn.motcua.result.internal.ResultRepository;
import vn.motcua.result.internal.ResultStamp;
import vn.motcua.result.signing.PadesSigner;
import vn.motcua.result.signing.PadesVerifier;
import vn.motcua.result.signing.Verdict;

/**
 * Issues, finds, checks and revokes electronic results. Issuing runs in the caller's transaction (the dossier action
 * that issues the result), so a result exists exactly when the action that issued it does.
 */
@Service
public class ResultService {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final ResultRepository results;
    private final ResultKeys keys;
    private final OrganizationService organization;
    private final MotCuaProperties motcua;
    private final VietnamTime time;
    private final Clock clock;
    private final AuditTrail trail;

    ResultService(ResultRepository results, ResultKeys keys, OrganizationService organization, MotCuaProperties motcua,
                  VietnamTime time, Clock clock, AuditTrail trail) {
        this.results = results;
        this.keys = keys;
        this.organization = organization;
        this.motcua = motcua;
        this.time = time;
        this.clock = clock;
        this.trail = trail;
    }

    /**
     * Numbers the PDF as the dossier's next result, marks it with its verification QR code, signs it with the
     * agency's key and stores it.
     *
     * @return the stored result and the signed file
     * @throws UserFacingException 400 when the file is not a readable PDF, 409 when the agency has no signing key
     */
    @Transactional
    public Issued issue(String dossierCode, String agencyCode, String fileName, byte[] pdf, String issuedBy) {
        // Parsed, not sniffed: the agency never signs a file with active content (JavaScript, launch actions,
        // embedded files), nor anything that only starts like a PDF.
        FileInspection.Verdict verdict = FileInspection.inspect(pdf);
        if (!isPdf(pdf) || verdict.accepted() && !FileInspection.PDF.equals(verdict.contentType())) {
            throw UserFacingException.badRequest("result.notPdf");
        }
        switch (verdict.problem()) {
            case null -> {
            }
            case UNREADABLE, NO_PAGES, ENCRYPTED -> throw UserFacingException.badRequest("result.unreadable");
            default -> throw UserFacingException.badRequest(verdict.problem().messageKey(), FileNames.clean(fileName));
        }
        ResultKeys.AgencyKey key = keys.forAgency(agencyCode).orElseThrow(() -> new UserFacingException(
                HttpStatus.CONFLICT, "no_signing_key", "result.noKey", agencyCode));
        int sequence = results.nextSequence(dossierCode);
        String number = dossierCode + "-KQ" + sequence;
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>(List.of(
                "Kết quả điện tử số " + number + ", ký số bởi " + key.signerName() + " lúc " + time.dateTime(now) + ".",
                "Kiểm tra tính xác thực: quét mã QR hoặc vào " + motcua.publicUrl() + "/xac-thuc và nhập số kết quả."));
        if (key.demo()) {
            lines.add("BẢN TRÌNH DIỄN: ký bằng khóa của CA thử nghiệm MộtCửa DEMO, không có giá trị pháp lý.");
        }
        byte[] stamped;
        try {
            stamped = ResultStamp.apply(pdf, motcua.publicUrl() + "/xac-thuc?so=" + number, lines);
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badRequest("result.unreadable");
        }
        byte[] signed = PadesSigner.sign(stamped, key.key(), key.signerName(), "Kết quả giải quyết hồ sơ " + dossierCode,
                motcua.placeName(), now);
        String name = FileNames.clean((fileName == null || fileName.isBlank() ? number
                : FileNames.clean(fileName).replaceAll("(?i)\\.pdf$", "")) + ".pdf");
        IssuedResult result = new IssuedResult(number, dossierCode, agencyCode, name, Hashes.sha256Hex(signed), key.signerName(),
                now, key.demo(), issuedBy, null, null, null);
        results.insert(result, sequence, signed);
        return new Issued(result, signed);
    }

    /** A result just issued, with its signed file. */
    public record Issued(IssuedResult result, byte[] content) {
    }

    public Optional<IssuedResult> find(String number) {
        return number == null ? Optional.empty() : results.find(number.strip().toUpperCase(java.util.Locale.ROOT));
    }

    public List<IssuedResult> ofDossier(String dossierCode) {
        return results.ofDossier(dossierCode);
    }

    /** The signed file; only for callers that have already checked who may see the dossier. */
    public Optional<byte[]> content(String number) {
        return results.content(number);
    }

    /**
     * Checks a file: its signatures against the trusted authorities, and whether it is, byte for byte, a result this
     * system issued (and whether that result was revoked).
     */
    public ResultCheck check(byte[] file) {
        Verdict verdict = PadesVerifier.verify(file, keys.trustedAuthorities(), clock.instant());
        IssuedResult stored = results.findBySha256(Hashes.sha256Hex(file)).orElse(null);
        return new ResultCheck(verdict.status(), verdict.signer(), verdict.organization(), verdict.signedAt(), stored);
    }

    /** The signature verdict of an uploaded file that is a PDF with signatures; empty for anything else. */
    public Optional<Verdict> signatureOf(byte[] file) {
        if (!isPdf(file) || !new String(file, StandardCharsets.ISO_8859_1).contains("/ByteRange")) {
            return Optional.empty();
        }
        return Optional.of(PadesVerifier.verify(file, keys.trustedAuthorities(), clock.instant()));
    }

    /**
     * Revokes a result: it stays stored, and verification says it was revoked, when and why. Only a leader (who may
     * approve) of the issuing agency may.
     */
    @Transactional
    public IssuedResult revoke(String number, String reason, CurrentUser official) {
        IssuedResult result = find(number).orElseThrow(() -> UserFacingException.notFound("result.notFound", number));
        String agency = official.isStaff() ? organization.staffMember(official.getUsername())
                .map(StaffMember::agencyCode).orElse(null) : null;
        if (!official.has(Permission.APPROVE_DOSSIER) || !result.agencyCode().equals(agency)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "result.revokeForbidden");
        }
        if (reason == null || reason.isBlank()) {
            throw UserFacingException.badRequest("result.reasonRequired");
        }
        if (!results.revoke(result.number(), clock.instant(), official.getUsername(), reason.strip())) {
            throw new UserFacingException(HttpStatus.CONFLICT, "already_revoked", "result.alreadyRevoked", number);
        }
        trail.changed(AuditAction.RESULT_REVOKED, result.dossierCode(), result.number());
        return results.find(result.number()).orElseThrow();
    }

    static boolean isPdf(byte[] file) {
        if (file == null || file.length < PDF.length) {
            return false;
        }
        for (int i = 0; i < PDF.length; i++) {
            if (file[i] != PDF[i]) {
                return false;
            }
        }
        return true;
    }
}
