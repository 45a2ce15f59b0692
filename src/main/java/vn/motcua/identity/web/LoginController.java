package vn.motcua.identity.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.identity.demo.DemoAccounts;
import vn.motcua.identity.internal.oidc.ProviderRegistrations;
import vn.motcua.platform.MotCuaProperties;

@Controller
class LoginController {

    private final boolean demo;
    private final ProviderRegistrations providers;

    LoginController(MotCuaProperties properties, ProviderRegistrations providers) {
        this.demo = properties.demo().enabled();
        this.providers = providers;
    }

    /**
     * What the page says above the form: {@code ?loi=sai} wrong username or password, {@code ?loi=cho&sau=N} too
     * many failures (wait N seconds), {@code ?het-han} the session ran out, {@code ?da-dang-xuat} signed out.
     */
    record Notice(String key, Long seconds, boolean problem) {
    }

    @GetMapping("/dang-nhap")
    String login(@RequestParam(name = "loi", required = false) String error,
                 @RequestParam(name = "sau", required = false) String wait,
                 @RequestParam(name = "het-han", required = false) String expired,
                 @RequestParam(name = "da-dang-xuat", required = false) String signedOut,
                 @RequestParam(name = "thiet-lap", required = false) String setUp,
                 @RequestParam(name = "mat-khau-moi", required = false) String passwordSet, Model model) {
        Notice notice = notice(error, wait, expired != null, signedOut != null);
        if (notice == null && (setUp != null || passwordSet != null)) { // after the setup or password page
            notice = new Notice(setUp != null ? "login.setupDone" : "login.passwordSet", null, false);
        }
        model.addAttribute("notice", notice);
        model.addAttribute("providers", providers.buttons());
        model.addAttribute("demoAccounts", demo ? DemoAccounts.USERNAMES : List.of());
        model.addAttribute("demoPassword", demo ? DemoAccounts.PASSWORD : null);
        return "identity/login";
    }

    private static Notice notice(String error, String wait, boolean expired, boolean signedOut) {
        if ("cho".equals(error)) {
            Long seconds = seconds(wait);
            return seconds == null ? new Notice("login.throttledLater", null, true)
                    : new Notice("login.throttled", seconds, true);
        }
        if (error != null) {
            return new Notice("login.failed", null, true);
        }
        if (expired) {
            return new Notice("login.expired", null, true);
        }
        return signedOut ? new Notice("login.loggedOut", null, false) : null;
    }

    /** The wait the address names, if it is a sensible one (it comes from the address bar, so anyone may edit it). */
    private static Long seconds(String wait) {
        if (wait == null || !wait.matches("\\d{1,5}")) {
            return null;
        }
        long seconds = Long.parseLong(wait);
        return seconds >= 1 && seconds <= 86_400 ? seconds : null;
    }
}
