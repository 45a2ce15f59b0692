package vn.motcua.identity.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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
import vn.motcua.identity.Role;
import vn.motcua.identity.internal.AccountAdminRepository;
import vn.motcua.identity.internal.AccountAdministration;
import vn.motcua.identity.internal.ManagedAccount;
import vn.motcua.platform.web.UserFacingException;

/**
 * Accounts administration ({@code /quan-tri/tai-khoan}): the list with search and filters, an official's new account,
 * and an account's page with its details, roles and the actions on it. The rules are {@link AccountAdministration}'s.
 */
@Controller
@RequestMapping("/quan-tri/tai-khoan")
class AccountAdminPages {

    private final AccountAdministration administration;
    private final MessageSource messages;

    AccountAdminPages(AccountAdministration administration, MessageSource messages) {
        this.administration = administration;
        this.messages = messages;
    }

    /** What the account form holds, kept when it is shown again with an error. */
    record AccountForm(String username, String fullName, String email, String phone, String title, Set<Role> roles) {
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String vaiTro,
                @RequestParam(defaultValue = "") String trangThai, @RequestParam(defaultValue = "0") String trang,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(vaiTro)).findFirst().orElse(null);
        Boolean enabled = switch (trangThai) {
            case "hoat-dong" -> Boolean.TRUE;
            case "da-khoa" -> Boolean.FALSE;
            default -> null;
        };
        int page = trang.matches("\\d{1,6}") ? Integer.parseInt(trang) : 0;
        AccountAdminRepository.Found found = administration.list(user, q, role, enabled, page);
        AccountAdministration.Scope scope = administration.scopeOf(user);
        model.addAttribute("accounts", found.accounts());
        model.addAttribute("total", found.total());
        model.addAttribute("page", page);
        model.addAttribute("lastPage", Math.max(0, (found.total() - 1) / AccountAdministration.PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("role", role == null ? "" : role.name());
        model.addAttribute("state", trangThai);
        model.addAttribute("roles", scope.province() ? List.of(Role.values()) : List.copyOf(administration.grantable(user)));
        return "identity/accounts";
    }

    @GetMapping("/moi")
    String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        administration.scopeOf(user);
        return newPage(model, user, new AccountForm("", "", "", "", "", EnumSet.noneOf(Role.class)));
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String fullName,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String phone,
                  @RequestParam(defaultValue = "") String title, @RequestParam(required = false) List<String> roles,
                  @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                  RedirectAttributes redirect, Locale locale) {
        Set<Role> chosen = roles(roles);
        try {
            administration.create(user, username, fullName, email, phone, chosen, title);
        } catch (UserFacingException e) {
            shown(e, model, response, locale);
            return newPage(model, user, new AccountForm(username, fullName, email, phone, title, chosen));
        }
        String stored = username.strip().toLowerCase(Locale.ROOT);
        redirect.addFlashAttribute("done", messages.getMessage("account.created", new Object[]{stored}, locale));
        return "redirect:/quan-tri/tai-khoan/" + stored;
    }

    @GetMapping("/{username}")
    String show(@PathVariable String username, @AuthenticationPrincipal CurrentUser user, Model model) {
        ManagedAccount account = administration.visible(user, username);
        return accountPage(model, user, account, new AccountForm(account.username(), account.fullName(),
                nz(account.email()), nz(account.phone()), "", account.roles()));
    }

    @PostMapping("/{username}")
    String update(@PathVariable String username, @RequestParam(defaultValue = "") String fullName,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String phone,
                  @RequestParam(required = false) List<String> roles, @AuthenticationPrincipal CurrentUser user,
                  Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        ManagedAccount account = administration.visible(user, username);
        // Roles the administrator does not administer are not on the form: they stay as they are.
        Set<Role> after = roles(roles);
        account.roles().stream().filter(r -> !administration.grantable(user).contains(r)).forEach(after::add);
        try {
            administration.update(user, username, fullName, email, phone, after);
        } catch (UserFacingException e) {
            shown(e, model, response, locale);
            return accountPage(model, user, account, new AccountForm(username, fullName, email, phone, "", after));
        }
        return done(redirect, username, "account.saved", locale);
    }

    @PostMapping("/{username}/khoa")
    String disable(@PathVariable String username, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes redirect, Locale locale) {
        administration.setEnabled(user, username, false);
        return done(redirect, username, "account.disabled", locale);
    }

    @PostMapping("/{username}/mo-khoa")
    String enable(@PathVariable String username, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes redirect, Locale locale) {
        administration.setEnabled(user, username, true);
        return done(redirect, username, "account.enabled", locale);
    }

    @PostMapping("/{username}/go-chan")
    String unlock(@PathVariable String username, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes redirect, Locale locale) {
        administration.unlock(user, username);
        return done(redirect, username, "account.unlocked", locale);
    }

    @PostMapping("/{username}/gui-lien-ket")
    String sendLink(@PathVariable String username, @AuthenticationPrincipal CurrentUser user,
                    RedirectAttributes redirect, Locale locale) {
        administration.sendPasswordLink(user, username);
        return done(redirect, username, "account.linkSent", locale);
    }

    @PostMapping("/{username}/mat-khau-tam")
    String temporaryPassword(@PathVariable String username, @RequestParam(required = false) String password,
                             @RequestParam(required = false) String repeat, @AuthenticationPrincipal CurrentUser user,
                             RedirectAttributes redirect, Locale locale) {
        administration.setTemporaryPassword(user, username, password, repeat);
        return done(redirect, username, "account.temporarySet", locale);
    }

    @PostMapping("/{username}/doi-mat-khau")
    String mustChange(@PathVariable String username, @RequestParam(defaultValue = "true") String bat,
                      @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        boolean must = !"false".equals(bat);
        administration.setMustChangePassword(user, username, must);
        return done(redirect, username, must ? "account.mustChange" : "account.needNotChange", locale);
    }

    private String done(RedirectAttributes redirect, String username, String key, Locale locale) {
        redirect.addFlashAttribute("done", messages.getMessage(key, new Object[]{username}, locale));
        return "redirect:/quan-tri/tai-khoan/" + username;
    }

    private String newPage(Model model, CurrentUser user, AccountForm form) {
        model.addAttribute("form", form);
        model.addAttribute("grantable", List.copyOf(administration.grantable(user)));
        model.addAttribute("province", administration.scopeOf(user).province());
        return "identity/account-new";
    }

    private String accountPage(Model model, CurrentUser user, ManagedAccount account, AccountForm form) {
        model.addAttribute("account", account);
        model.addAttribute("form", form);
        model.addAttribute("grantable", List.copyOf(administration.grantable(user)));
        model.addAttribute("self", account.username().equals(user.getUsername()));
        model.addAttribute("mailOn", administration.mailAvailable());
        return "identity/account";
    }

    /** Bad input stays on the form with its message; a refusal (403) too, with its status. */
    private void shown(UserFacingException e, Model model, HttpServletResponse response, Locale locale) {
        if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.FORBIDDEN) {
            throw e;
        }
        response.setStatus(e.status().value());
        model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst().ifPresent(roles::add);
            }
        }
        return roles;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
