package vn.motcua.notification.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.identity.CurrentUser;
import vn.motcua.notification.internal.TemplateAdmin;
import vn.motcua.notification.internal.TemplateAdmin.TemplateForm;
import vn.motcua.platform.web.UserFacingException;

/**
 * The province administrator's notification templates: the list, and per template a form to edit it, preview it
 * with a sample dossier (a second submit button of the same form, so no JavaScript is needed), save it or restore
 * the jar's default. A mistake in the text keeps what was written on the page with the reason, answered 400.
 */
@Controller
@RequestMapping("/quan-tri/mau-thong-bao")
class TemplateAdminPage {

    private static final String BASE = "/quan-tri/mau-thong-bao/";

    private final TemplateAdmin templates;
    private final MessageSource messages;

    TemplateAdminPage(TemplateAdmin templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("rows", templates.list());
        return "notification/templates";
    }

    @GetMapping("/{name}")
    String edit(@PathVariable String name, Model model, Locale locale) {
        TemplateForm form = templates.form(name);
        try {
            model.addAttribute("preview", templates.preview(name, form.subject(), form.body()));
        } catch (UserFacingException e) {
            // A stored text that no longer reads (see NoticeTemplates): shown with the reason, to be corrected.
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return page(model, form);
    }

    @PostMapping("/{name}/xem-truoc")
    String preview(@PathVariable String name, @RequestParam(defaultValue = "") String subject,
                   @RequestParam(defaultValue = "") String body, Model model, HttpServletResponse response,
                   Locale locale) {
        TemplateForm form = written(name, subject, body);
        try {
            model.addAttribute("preview", templates.preview(name, subject, body));
        } catch (UserFacingException e) {
            return problem(e, form, model, response, locale);
        }
        return page(model, form);
    }

    @PostMapping("/{name}")
    String save(@PathVariable String name, @RequestParam(defaultValue = "") String subject,
                @RequestParam(defaultValue = "") String body, @AuthenticationPrincipal CurrentUser user, Model model,
                HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        TemplateForm form = written(name, subject, body);
        try {
            templates.save(name, subject, body, user.getUsername());
        } catch (UserFacingException e) {
            return problem(e, form, model, response, locale);
        }
        redirect.addFlashAttribute("done", messages.getMessage("notification.template.saved", null, locale));
        return "redirect:" + BASE + name;
    }

    @PostMapping("/{name}/mac-dinh")
    String restore(@PathVariable String name, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes redirect, Locale locale) {
        templates.restoreDefault(name, user.getUsername());
        redirect.addFlashAttribute("done", messages.getMessage("notification.template.restored", null, locale));
        return "redirect:" + BASE + name;
    }

    /** The form as written, for the page shown again; 404 for a name that is no template. */
    private TemplateForm written(String name, String subject, String body) {
        TemplateForm current = templates.form(name);
        return new TemplateForm(name, current.kind(), current.channel(), subject, body, current.changed(),
                current.placeholders());
    }

    private String problem(UserFacingException e, TemplateForm form, Model model, HttpServletResponse response,
                           Locale locale) {
        response.setStatus(e.status().value());
        model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
        return page(model, form);
    }

    private static String page(Model model, TemplateForm form) {
        model.addAttribute("form", form);
        return "notification/template-edit";
    }
}
