package vn.motcua.integration.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.integration.nationalportal.StatusSyncAdmin;

/**
 * The province administrator's page of the status sync to the national portal: backlog, failures with a resend button
 * each and one for all failed, and the daily reconciliations with their differences. Plain forms, no JavaScript.
 */
@Controller
@RequestMapping(NationalSyncPage.BASE)
class NationalSyncPage {

    static final String BASE = "/quan-tri/lien-thong/dong-bo";

    private final StatusSyncAdmin admin;
    private final MessageSource messages;

    NationalSyncPage(StatusSyncAdmin admin, MessageSource messages) {
        this.admin = admin;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("sync", admin.overview());
        return "integration/national-sync";
    }

    @PostMapping("/{id}/gui-lai")
    String resend(@PathVariable String id, RedirectAttributes redirect, Locale locale) {
        String dossier = admin.resend(id);
        redirect.addFlashAttribute("done", messages.getMessage("nationalSync.resent", new Object[]{dossier}, locale));
        return "redirect:" + BASE;
    }

    @PostMapping("/gui-lai-tat-ca")
    String resendFailed(RedirectAttributes redirect, Locale locale) {
        int n = admin.resendFailed();
        redirect.addFlashAttribute("done", messages.getMessage("nationalSync.resentAll", new Object[]{n}, locale));
        return "redirect:" + BASE;
    }
}
