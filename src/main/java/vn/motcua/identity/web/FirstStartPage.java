package vn.motcua.identity.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.identity.internal.FirstStart;
import vn.motcua.platform.web.UserFacingException;

/** The first start's setup page ({@code /thiet-lap?token=...}): 404 unless the token is the live setup link's. */
@Controller
@RequestMapping("/thiet-lap")
class FirstStartPage {

    private final FirstStart firstStart;
    private final MessageSource messages;

    FirstStartPage(FirstStart firstStart, MessageSource messages) {
        this.firstStart = firstStart;
        this.messages = messages;
    }

    record SetupForm(String username, String fullName, String email) {
    }

    @GetMapping
    String show(@RequestParam(defaultValue = "") String token, Model model) {
        if (!firstStart.open(token)) {
            throw UserFacingException.notFound("setup.gone");
        }
        model.addAttribute("token", token);
        model.addAttribute("form", new SetupForm("", "", ""));
        return "identity/setup";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String username,
                  @RequestParam(defaultValue = "") String fullName, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String repeat,
                  Model model, HttpServletResponse response, Locale locale) {
        try {
            firstStart.createFirstAdministrator(token, username, fullName, email, password, repeat);
            return "redirect:/dang-nhap?thiet-lap";
        } catch (UserFacingException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
            model.addAttribute("token", token);
            model.addAttribute("form", new SetupForm(username, fullName, email));
            return "identity/setup";
        }
    }
}
