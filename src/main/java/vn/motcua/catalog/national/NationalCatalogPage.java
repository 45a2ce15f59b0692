package vn.motcua.catalog.national;

import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.web.UserFacingException;

/**
 * The administrator's import from the national procedure database (permission {@code CATALOG_MANAGE}, by the
 * catalog's access rules): ask by codes or by field, see the difference, apply it.
 */
@Controller
@RequestMapping("/quan-tri/thu-tuc/nhap-quoc-gia")
class NationalCatalogPage {

    private static final String PAGE = "/quan-tri/thu-tuc/nhap-quoc-gia";

    private final NationalCatalogImports imports;
    private final MessageSource messages;

    private final boolean sandbox;

    NationalCatalogPage(NationalCatalogImports imports, MessageSource messages, Environment environment) {
        this.imports = imports;
        this.messages = messages;
        this.sandbox = environment.getProperty(NationalCatalogSandbox.IN_USE, Boolean.class, false);
    }

    @GetMapping
    String page(@RequestParam(name = "xem", required = false) String previewId, Model model, Locale locale) {
        model.addAttribute("configured", imports.configured());
        model.addAttribute("sandbox", sandbox ? NationalCatalogSandbox.LABEL : null);
        if (previewId != null) {
            UUID id = parse(previewId);
            model.addAttribute("difference", imports.difference(id, locale)
                    .orElseThrow(() -> UserFacingException.notFound("national.catalog.preview.notFound")));
        }
        return "catalog/admin/national";
    }

    @PostMapping
    String fetch(@RequestParam(name = "maTTHC", defaultValue = "") String codes,
                 @RequestParam(name = "maLinhVuc", defaultValue = "") String field,
                 @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        try {
            UUID id = imports.preview(codes, field, user.getUsername(), locale);
            return "redirect:" + PAGE + "?xem=" + id;
        } catch (NationalCatalogException e) {
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
            model.addAttribute("codes", codes);
            model.addAttribute("field", field);
            return page(null, model, locale);
        }
    }

    @PostMapping("/ap-dung")
    String apply(@RequestParam(name = "id", defaultValue = "") String previewId,
                 @RequestParam(name = "hash", defaultValue = "") String hash,
                 @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect, Locale locale) {
        UUID id = parse(previewId);
        try {
            int applied = imports.apply(id, hash, user.getUsername(), locale);
            redirect.addFlashAttribute("applied", messages.getMessage("national.catalog.applied", new Object[]{applied}, locale));
            return "redirect:" + PAGE + "?xem=" + id;
        } catch (NationalCatalogException e) {
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
            return page(previewId, model, locale);
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badRequest("national.catalog.preview.notFound");
        }
    }
}
