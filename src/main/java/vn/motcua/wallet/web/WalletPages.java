package vn.motcua.wallet.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.wallet.StoredDocument;
import vn.motcua.wallet.WalletService;

/** The applicant's data store: list, download, delete, and "use this one" from a draft's documents step. */
@Controller
class WalletPages {

    private final WalletService wallet;
    private final MessageSource messages;

    WalletPages(WalletService wallet, MessageSource messages) {
        this.wallet = wallet;
        this.messages = messages;
    }

    @GetMapping("/kho-du-lieu")
    String documents(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("documents", wallet.documents(user.getUsername()));
        return "wallet/documents";
    }

    @GetMapping("/kho-du-lieu/{id}/tai-ve")
    ResponseEntity<byte[]> download(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        StoredDocument document = wallet.document(user.getUsername(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(wallet.content(user.getUsername(), id));
    }

    /** What deleting the document does, and a button that does it: the confirmation works without a script. */
    @GetMapping("/kho-du-lieu/{id}/xoa")
    String confirmDelete(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        StoredDocument document = wallet.document(user.getUsername(), id);
        model.addAttribute("title", messages.getMessage("wallet.delete.title", new Object[]{document.label()}, locale));
        model.addAttribute("consequence", messages.getMessage("wallet.delete.consequence", null, locale));
        model.addAttribute("confirmLabel", messages.getMessage("wallet.delete", null, locale));
        model.addAttribute("action", "/kho-du-lieu/" + id + "/xoa");
        model.addAttribute("cancel", "/kho-du-lieu");
        return "confirm";
    }

    @PostMapping("/kho-du-lieu/{id}/xoa")
    String delete(@PathVariable long id, @RequestParam(name = "xacNhan", defaultValue = "false") boolean confirmed,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        StoredDocument document = wallet.document(user.getUsername(), id);
        if (!confirmed) {
            throw UserFacingException.badRequest("confirm.missing");
        }
        wallet.delete(user.getUsername(), id);
        redirect.addFlashAttribute("message", messages.getMessage("wallet.deleted", new Object[]{document.label()}, locale));
        return "redirect:/kho-du-lieu";
    }

    /** From the draft's documents step (a button of its form): attach the stored document, back to the same step. */
    @PostMapping("/kho-du-lieu/{id}/dung")
    String use(@PathVariable long id, @RequestParam("nhap") long draftId, @RequestParam("chiSo") int documentIndex,
               @AuthenticationPrincipal CurrentUser user, Locale locale) {
        wallet.useInDraft(user, id, draftId, documentIndex, locale);
        return "redirect:/ho-so-cua-toi/nhap/" + draftId + "?buoc=2";
    }
}
