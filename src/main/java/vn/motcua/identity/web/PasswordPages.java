package vn.motcua.identity.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.internal.ManagedAccount;
import vn.motcua.identity.internal.Passwords;
import vn.motcua.platform.web.UserFacingException;

/**
 * "Đổi mật khẩu", one's own password (also the only page of someone who must choose a new one), and the page a
 * password link opens ({@code /dat-mat-khau?token=...}, 404 without a live link).
 */
@Controller
class PasswordPages {

    private final Passwords passwords;
    private final MessageSource messages;

    PasswordPages(Passwords passwords, MessageSource messages) {
        this.passwords = passwords;
        this.messages = messages;
    }

    @GetMapping("/doi-mat-khau")
    String changeForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("forced", passwords.mustChange(user.getUsername()));
        return "identity/password-change";
    }

    @PostMapping("/doi-mat-khau")
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String repeat, @AuthenticationPrincipal CurrentUser user,
                  Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        try {
            passwords.changeOwn(user, current, password, repeat);
        } catch (UserFacingException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
            return changeForm(user, model);
        }
        redirect.addFlashAttribute("done", messages.getMessage("password.changed", null, locale));
        return "redirect:/doi-mat-khau";
    }

    @GetMapping("/dat-mat-khau")
    String setForm(@RequestParam(defaultValue = "") String token, Model model) {
        ManagedAccount account = passwords.linkAccount(token)
                .orElseThrow(() -> UserFacingException.notFound("password.link.gone"));
        model.addAttribute("token", token);
        model.addAttribute("username", account.username());
        return "identity/password-set";
    }

    @PostMapping("/dat-mat-khau")
    String set(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
               @RequestParam(defaultValue = "") String repeat, Model model, HttpServletResponse response,
               Locale locale) {
        try {
            passwords.setWithLink(token, password, repeat);
            return "redirect:/dang-nhap?mat-khau-moi";
        } catch (UserFacingException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
            return setForm(token, model);
        }
    }
}
