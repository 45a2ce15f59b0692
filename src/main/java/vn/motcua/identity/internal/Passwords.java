package vn.motcua.identity.internal;

import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.web.UserFacingException;

/** A person sets their own password: signed in (knowing the current one) or through a one-time link. */
@Service
public class Passwords {

    private final AccountAdminRepository accounts;
    private final OneTimeLinks links;
    private final PasswordEncoder encoder;
    private final AccountAdministration administration;
    private final AuditTrail audit;

    Passwords(AccountAdminRepository accounts, OneTimeLinks links, PasswordEncoder encoder,
              AccountAdministration administration, AuditTrail audit) {
        this.accounts = accounts;
        this.links = links;
        this.encoder = encoder;
        this.administration = administration;
        this.audit = audit;
    }

    /** Whether the signed-in person must choose a new password before anything else. */
    public boolean mustChange(String username) {
        return accounts.mustChangePassword(username);
    }

    @Transactional
    public void changeOwn(CurrentUser user, String current, String password, String repeat) {
        String hash = accounts.passwordHash(user.accountId()).orElseThrow();
        if (current == null || !encoder.matches(current, hash)) {
            throw UserFacingException.badRequest("password.invalid.current");
        }
        PasswordRules.check(user.getUsername(), password, repeat);
        if (encoder.matches(password, hash)) {
            throw UserFacingException.badRequest("password.invalid.same");
        }
        accounts.setPassword(user.accountId(), encoder.encode(password));
        audit.changed(AuditAction.PASSWORD_CHANGED, user.getUsername(), "own");
    }

    /** The account a live password link is for; empty for an unknown, used or expired one. */
    public Optional<ManagedAccount> linkAccount(String token) {
        return links.passwordLinkAccount(token).flatMap(accounts::find);
    }

    /** Sets the password through a link, which is then used up; 404 if the link does not work (any more). */
    @Transactional
    public ManagedAccount setWithLink(String token, String password, String repeat) {
        ManagedAccount account = linkAccount(token).orElseThrow(() -> UserFacingException.notFound("password.link.gone"));
        PasswordRules.check(account.username(), password, repeat);
        if (links.usePasswordLink(token).isEmpty()) {
            throw UserFacingException.notFound("password.link.gone");
        }
        accounts.setPassword(account.id(), encoder.encode(password));
        administration.endSessions(account); // whoever knew the old password is signed out
        audit.record(AuditAction.PASSWORD_CHANGED, account.username(), account.username(), AuditOutcome.OK,
                "password link");
        return account;
    }
}
