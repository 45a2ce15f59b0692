package vn.motcua.certification.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.certification.CertificationService;
import vn.motcua.certification.CertifiedCopy;
import vn.motcua.certification.CopyRequest;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.Agency;
import vn.motcua.platform.pdf.HtmlPdf;
import vn.motcua.platform.web.PdfResponses;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;

/**
 * The counter's certification: the form, the entry just made (with its fee receipt and the signed copy), and the
 * commune's certification book of a year, on screen and printed.
 */
@Controller
class CertificationPages {

    private final CertificationService certification;
    private final HtmlPdf pdf;
    private final Clock clock;
    private final VietnamTime time;
    private final MessageSource messages;

    CertificationPages(CertificationService certification, HtmlPdf pdf, Clock clock, VietnamTime time,
                       MessageSource messages) {
        this.certification = certification;
        this.pdf = pdf;
        this.clock = clock;
        this.time = time;
        this.messages = messages;
    }

    @GetMapping("/quan-tri/chung-thuc")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("agency", certification.agencyOf(user));
        model.addAttribute("year", thisYear());
        return "certification/form";
    }

    @PostMapping("/quan-tri/chung-thuc")
    String certify(@RequestParam(name = "hoTen", defaultValue = "") String name,
                   @RequestParam(name = "soGiayTo", defaultValue = "") String idNumber,
                   @RequestParam(name = "giayTo", defaultValue = "") String documentName,
                   @RequestParam(name = "loai", defaultValue = "DIEN_TU") String kind,
                   @RequestParam(name = "daDoiChieu", defaultValue = "false") boolean checked,
                   @RequestParam(name = "soTrang", required = false) String pages,
                   @RequestParam(name = "tep", required = false) MultipartFile file,
                   @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response, Locale locale)
            throws IOException {
        boolean electronic = !"GIAY".equals(kind);
        try {
            CertifiedCopy copy = certification.certify(new CopyRequest(name, idNumber, documentName, electronic, checked,
                    pages(pages), file == null ? null : file.getOriginalFilename(),
                    file == null || file.isEmpty() ? null : file.getBytes()), user);
            return "redirect:/quan-tri/chung-thuc/" + copy.id();
        } catch (UserFacingException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            // The form again, as filled in (but for the file), with what is wrong.
            response.setStatus(400);
            model.addAttribute("problem", messages.getMessage(e.messageKey(), e.arguments(), locale));
            model.addAttribute("agency", certification.agencyOf(user));
            model.addAttribute("year", thisYear());
            model.addAttribute("filled", Map.of("hoTen", name, "soGiayTo", idNumber, "giayTo", documentName,
                    "loai", electronic ? "DIEN_TU" : "GIAY", "soTrang", pages == null ? "" : pages));
            return "certification/form";
        }
    }

    @GetMapping("/quan-tri/chung-thuc/{id}")
    String entry(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("copy", certification.entry(id, user));
        model.addAttribute("agency", certification.agencyOf(user));
        return "certification/entry";
    }

    @GetMapping("/quan-tri/chung-thuc/{id}/ban-sao.pdf")
    ResponseEntity<byte[]> copy(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        CertifiedCopy entry = certification.entry(id, user);
        return PdfResponses.inline(entry.fileName() == null ? "ban-sao.pdf" : entry.fileName(),
                certification.copy(id, user));
    }

    @GetMapping("/quan-tri/chung-thuc/so/{agencyCode}")
    String book(@PathVariable String agencyCode, @RequestParam(name = "nam", required = false) Integer year,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        int y = year == null ? thisYear() : year;
        model.addAttribute("entries", certification.book(agencyCode, y, user));
        model.addAttribute("agency", certification.agencyOf(user));
        model.addAttribute("year", y);
        model.addAttribute("bookName", CertifiedCopy.bookOf(y));
        return "certification/book";
    }

    @GetMapping("/quan-tri/chung-thuc/so/{agencyCode}/in.pdf")
    ResponseEntity<byte[]> printBook(@PathVariable String agencyCode,
                                     @RequestParam(name = "nam", required = false) Integer year,
                                     @AuthenticationPrincipal CurrentUser user) {
        int y = year == null ? thisYear() : year;
        Agency agency = certification.agencyOf(user);
        byte[] printed = pdf.render("certification/book-print", Map.of("entries", certification.book(agencyCode, y, user),
                "agency", agency, "year", y, "bookName", CertifiedCopy.bookOf(y),
                "printedOn", time.date(clock.instant()), "vnTime", time));
        return PdfResponses.inline("so-chung-thuc-" + y + ".pdf", printed);
    }

    private int thisYear() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE)).getYear();
    }

    private static Integer pages(String pages) {
        if (pages == null || pages.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(pages.strip());
        } catch (NumberFormatException e) {
            throw UserFacingException.badRequest("certification.pagesInvalid");
        }
    }
}
