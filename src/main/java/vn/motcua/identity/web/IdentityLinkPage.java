package vn.motcua.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.internal.LoginThrottledException;
import vn.motcua.identity.internal.oidc.NationalAccounts;
import vn.motcua.identity.internal.oidc.NationalAccounts.PendingLink;
import vn.motcua.identity.internal.oidc.SignInPages;
import vn.motcua.platform.database.DatabaseOutage;

/**
 * {@code /dang-nhap/lien-ket}: a national identity whose ID number belongs to a local applicant account that was
 * never linked. The account's password is asked (through the same throttled check as the login form); only then is
 * the identity linked and the person signed in. Without a pending identity in the session the page says there is
 * none (a form sent then goes back to the login page).
 */
@Controller
class IdentityLinkPage {

    private static final String PAGE = "/dang-nhap/lien-ket";

    private final AuthenticationManager passwords;
    private final NationalAccounts accounts;
    private final SignInPages signIn;
    private final TransactionTemplate transactions;

    IdentityLinkPage(AuthenticationManager passwords, NationalAccounts accounts, SignInPages signIn,
                     TransactionTemplate transactions) {
        this.passwords = passwords;
        this.accounts = accounts;
        this.signIn = signIn;
        this.transactions = transactions;
    }

    @GetMapping(PAGE)
    String page(@RequestParam(name = "loi", required = false) String error,
                @RequestParam(name = "sau", required = false) String wait, HttpServletRequest request, Model model) {
        PendingLink pending = pending(request);
        model.addAttribute("username", pending == null ? null : pending.username()); // none: the page says so
        model.addAttribute("error", "cho".equals(error) ? "link.throttled" : error != null ? "link.failed" : null);
        return "identity/link";
    }

    @PostMapping(PAGE)
    String link(@RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request,
                HttpServletResponse response) {
        PendingLink pending = pending(request);
        if (pending == null) {
            return "redirect:/dang-nhap";
        }
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                pending.username(), password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        Authentication checked;
        try {
            checked = passwords.authenticate(attempt);
        } catch (LoginThrottledException e) {
            return "redirect:" + PAGE + "?loi=cho";
        } catch (AuthenticationException e) {
            if (DatabaseOutage.causedBy(e)) {
                throw e;
            }
            return "redirect:" + PAGE + "?loi=sai";
        }
        transactions.executeWithoutResult(s -> accounts.link(pending.provider(), pending.subject(),
                pending.idNumber(), pending.username()));
        request.changeSessionId(); // a new session id at sign-in, as for the login form
        signIn.signIn(request, response, (CurrentUser) checked.getPrincipal(),
                new SignInPages.ProviderSession(pending.registrationId(), pending.idToken(), pending.subject()), false);
        return "redirect:/";
    }

    private static PendingLink pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SignInPages.PENDING_LINK) instanceof PendingLink p ? p : null;
    }
}
