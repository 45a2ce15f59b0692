package vn.motcua.certification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.certification.internal.CertificationRepository;
import vn.motcua.certification.internal.CopyDocument;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Permission;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyKind;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffMember;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.files.FileInspection;
import vn.motcua.platform.files.FileNames;
import vn.motcua.platform.qr.QrCodes;
import vn.motcua.platform.security.Hashes;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.result.AgencySeal;

/**
 * Certifies copies from originals at a commune's counter and keeps the commune's certification books. Only officials
 * of a commune (with {@link Permission#CERTIFY_COPY}) certify, in their own commune's book; another agency's book is
 * not found for them.
 */
@Service
public class CertificationService {

    private static final Pattern ID_NUMBER = Pattern.compile("\\d{9}|\\d{12}");
    private static final int MAX_TEXT = 200, MAX_PAPER_PAGES = 2_000;

    private final CertificationRepository books;
    private final CopyDocument documents;
    private final AgencySeal seal;
    private final OrganizationService organization;
    private final AccountService accounts;
    private final MotCuaProperties motcua;
    private final Clock clock;
    private final AuditTrail trail;
    private final ApplicationEventPublisher events;

    CertificationService(CertificationRepository books, CopyDocument documents, AgencySeal seal,
                         OrganizationService organization, AccountService accounts, MotCuaProperties motcua,
                         Clock clock, AuditTrail trail, ApplicationEventPublisher events) {
        this.books = books;
        this.documents = documents;
        this.seal = seal;
        this.organization = organization;
        this.accounts = accounts;
        this.motcua = motcua;
        this.clock = clock;
        this.trail = trail;
        this.events = events;
    }

    /**
     * Certifies a copy: checks the request, takes the next number of the commune's book of the year, lays out and
     * signs an electronic copy, records the entry and its fee, and announces it.
     *
     * @throws UserFacingException 400 for a missing or wrong field or file, 403 for an official not of a commune,
     *                             409 when the commune has no signing key
     */
    @Transactional
    public CertifiedCopy certify(CopyRequest request, CurrentUser official) {
        Workplace at = workplace(official);
        String name = required(request.applicantName(), "certification.applicantRequired");
        String idNumber = request.idNumber() == null ? "" : request.idNumber().strip();
        if (!ID_NUMBER.matcher(idNumber).matches()) {
            throw UserFacingException.badRequest("certification.idNumberInvalid");
        }
        String documentName = required(request.documentName(), "certification.documentRequired");
        if (!request.checked()) {
            throw UserFacingException.badRequest("certification.notChecked");
        }
        String contentType = null;
        int pages;
        if (request.electronic()) {
            if (request.content() == null || request.content().length == 0) {
                throw UserFacingException.badRequest("certification.fileRequired");
            }
            // Parsed, not sniffed, as dossier uploads are: only a PDF, JPEG or PNG that really is one.
            FileInspection.Verdict verdict = FileInspection.inspect(request.content());
            String fileName = FileNames.clean(request.fileName() == null ? "ban-sao" : request.fileName());
            if (!verdict.accepted()) {
                throw UserFacingException.badRequest(verdict.problem().messageKey(), fileName);
            }
            contentType = verdict.contentType();
            if (!List.of(FileInspection.PDF, FileInspection.JPEG, FileInspection.PNG).contains(contentType)) {
                throw UserFacingException.badRequest("certification.fileType", fileName);
            }
            pages = CopyDocument.pages(request.content(), contentType);
        } else {
            pages = request.pages() == null ? 0 : request.pages();
            if (pages < 1 || pages > MAX_PAPER_PAGES) {
                throw UserFacingException.badRequest("certification.pagesInvalid");
            }
        }
        AgencySeal.Signer signer = request.electronic() ? seal.signer(at.agency().code()) : null;
        String account = accounts.applicantByIdNumber(idNumber).orElse(null);

        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, VietnamTime.ZONE).getYear();
        int number = books.nextNumber(at.agency().code(), year);
        String reference = at.agency().code() + "-CT" + year + "-" + number;
        long fee = CertificationFee.of(pages);
        String sha256 = null, originalSha256 = null, fileName = null;
        byte[] signed = null;
        if (request.electronic()) {
            originalSha256 = Hashes.sha256Hex(request.content());
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("agency", at.agency());
            statement.put("number", number);
            statement.put("book", CertifiedCopy.bookOf(year));
            statement.put("reference", reference);
            statement.put("pages", pages);
            statement.put("fee", fee);
            statement.put("date", LocalDate.ofInstant(now, VietnamTime.ZONE));
            statement.put("place", motcua.placeName());
            statement.put("certifierName", official.fullName());
            statement.put("certifierTitle", at.staff().title());
            statement.put("signer", signer.name());
            statement.put("demo", signer.demo());
            String verifyUrl = motcua.publicUrl() + "/xac-thuc?so=" + reference;
            statement.put("verifyUrl", verifyUrl);
            statement.put("qr", QrCodes.dataUri(verifyUrl));
            byte[] copy = documents.compose(request.content(), contentType, statement);
            signed = seal.sign(at.agency().code(), copy, "Chứng thực bản sao đúng với bản chính, số " + number
                    + ", quyển số " + CertifiedCopy.bookOf(year), now);
            sha256 = Hashes.sha256Hex(signed);
            fileName = FileNames.clean("ban-sao-chung-thuc-" + year + "-" + number + ".pdf");
        }
        CertifiedCopy entry = new CertifiedCopy(0, at.agency().code(), year, number, reference, request.electronic(),
                name, idNumber, account, documentName, pages, fee, originalSha256, sha256, fileName,
                signer == null ? null : signer.name(), signer != null && signer.demo(), official.getUsername(),
                official.fullName(), at.staff().title(), now);
        long id = books.insert(entry, signed);
        trail.record(AuditAction.COPY_CERTIFIED, reference, AuditTrail.dataSubject(account, idNumber), AuditOutcome.OK,
                "Sổ chứng thực " + entry.book() + ", số " + number);
        events.publishEvent(new CopyCertified(id, reference, entry.agencyCode(), entry.electronic(), account,
                documentName, fileName, sha256));
        return books.find(id).orElseThrow();
    }

    /** An entry of the official's own book; not found for any other agency's. */
    public CertifiedCopy entry(long id, CurrentUser official) {
        Workplace at = workplace(official);
        return books.find(id).filter(c -> c.agencyCode().equals(at.agency().code()))
                .orElseThrow(() -> UserFacingException.notFound("certification.notFound"));
    }

    /** The signed copy of an entry of the official's own book; the download is on the audit trail. */
    public byte[] copy(long id, CurrentUser official) {
        CertifiedCopy entry = entry(id, official);
        byte[] content = books.content(id).orElseThrow(() -> UserFacingException.notFound("certification.notFound"));
        trail.read(AuditAction.CERTIFIED_COPY_DOWNLOADED, entry.reference(),
                AuditTrail.dataSubject(entry.applicantAccount(), entry.applicantIdNumber()));
        return content;
    }

    /** The signed copy, for the module that stores it in the applicant's data store. */
    public Optional<byte[]> content(long id) {
        return books.content(id);
    }

    /** The book of the agency and year; only that commune's officials see it, for others it is not found. */
    public List<CertifiedCopy> book(String agencyCode, int year, CurrentUser official) {
        Workplace at = workplace(official);
        if (!at.agency().code().equals(agencyCode) || year < 2000 || year > 9999) {
            throw UserFacingException.notFound("certification.bookNotFound");
        }
        trail.read(AuditAction.CERTIFICATION_BOOK_VIEWED, agencyCode + "/" + year, null);
        return books.book(agencyCode, year);
    }

    /** The commune the official certifies for. */
    public Agency agencyOf(CurrentUser official) {
        return workplace(official).agency();
    }

    /**
     * Certifications between the days (inclusive) of these agencies (null: all): for the service index's MDSH3.
     *
     * @return {electronic copies, all certified copies}
     */
    public long[] tally(Collection<String> agencyCodes, LocalDate from, LocalDate to) {
        return books.tally(agencyCodes, from.atStartOfDay(VietnamTime.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant());
    }

    private record Workplace(Agency agency, StaffMember staff) {
    }

    private Workplace workplace(CurrentUser official) {
        if (official == null || !official.has(Permission.CERTIFY_COPY)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "certification.forbidden");
        }
        StaffMember staff = organization.staffMember(official.getUsername()).orElse(null);
        Agency agency = staff == null ? null : organization.agency(staff.agencyCode()).orElse(null);
        if (agency == null || agency.kind() != AgencyKind.COMMUNE) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "certification.notCommune");
        }
        return new Workplace(agency, staff);
    }

    private static String required(String value, String messageKey) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > MAX_TEXT) {
            throw UserFacingException.badRequest(messageKey);
        }
        return v;
    }
}
