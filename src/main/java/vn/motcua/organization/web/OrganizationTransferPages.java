package vn.motcua.organization.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.OrganizationAdministration;
import vn.motcua.organization.OrganizationProblem;
import vn.motcua.organization.transfer.OrganizationImports;
import vn.motcua.platform.web.VietnamTime;

/** Import (upload, preview, apply) and export of the organisation workbook. */
@Controller
@RequestMapping("/quan-tri/to-chuc")
class OrganizationTransferPages {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final OrganizationImports imports;
    private final OrganizationAdministration admin;
    private final MessageSource messages;
    private final Clock clock;

    OrganizationTransferPages(OrganizationImports imports, OrganizationAdministration admin, MessageSource messages,
                              Clock clock) {
        this.imports = imports;
        this.admin = admin;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/nhap")
    String importForm() {
        return "organization/admin/import";
    }

    @PostMapping("/nhap")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response, Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return refused(model, response, messages.getMessage("admin.import.noFile", null, locale));
        }
        try {
            model.addAttribute("preview", imports.upload(admin.scopeOf(user), file.getOriginalFilename(),
                    file.getBytes(), locale));
            return "organization/admin/import-preview";
        } catch (OrganizationProblem e) {
            return refused(model, response, messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
    }

    private String refused(Model model, HttpServletResponse response, String message) {
        model.addAttribute("error", message);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "organization/admin/import";
    }

    @PostMapping("/nhap/ap-dung")
    String apply(@RequestParam(name = "id", required = false) String id, @AuthenticationPrincipal CurrentUser user,
                 Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        UUID upload;
        try {
            upload = UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException e) {
            throw new OrganizationProblem("org.import.notFound");
        }
        OrganizationImports.Preview preview = imports.apply(admin.scopeOf(user), upload, locale);
        if (!preview.rejections().isEmpty()) {
            model.addAttribute("preview", preview);
            model.addAttribute("error", messages.getMessage("org.import.notApplied", null, locale));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "organization/admin/import-preview";
        }
        redirect.addFlashAttribute("saved", messages.getMessage("org.import.applied",
                new Object[]{preview.count(OrganizationImports.Kind.NEW), preview.count(OrganizationImports.Kind.CHANGED)},
                locale));
        return "redirect:/quan-tri/to-chuc";
    }

    @GetMapping("/xuat.xlsx")
    void export(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        response.setContentType(XLSX);
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("to-chuc-" + today + ".xlsx").build().toString());
        try (OutputStream out = response.getOutputStream()) {
            imports.export(admin.scopeOf(user), out);
        }
    }
}
