package vn.motcua.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.identity.RoleGrants;
import vn.motcua.identity.Workplaces;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.web.UserFacingException;

/**
 * What administrators do to accounts. A province administrator manages every official's account and may disable,
 * enable and unlock an applicant's; an agency administrator manages only the accounts whose staff record is in their
 * agency's subtree, and sees no applicant. An account outside one's reach answers 404, as if it did not exist; a
 * change beyond one's rights (a role one may not grant, editing an applicant) answers 403. Every change is audited.
 */
@Service
public class AccountAdministration {

    static final Duration PASSWORD_LINK_LIFETIME = Duration.ofHours(24);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .-]{8,20}");
    public static final int PAGE_SIZE = 50;

    private final AccountAdminRepository accounts;
    private final AccountService accountService;
    private final Workplaces workplaces;
    private final LoginThrottle throttle;
    private final OneTimeLinks links;
    private final JdbcIndexedSessionRepository sessions;
    private final AuditTrail audit;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final String publicUrl;
    private final String emailFrom;
    private final PasswordEncoder encoder;

    AccountAdministration(AccountAdminRepository accounts, AccountService accountService, Workplaces workplaces,
                          LoginThrottle throttle, OneTimeLinks links, JdbcIndexedSessionRepository sessions,
                          AuditTrail audit, ObjectProvider<JavaMailSender> mail, MessageSource messages,
                          MotCuaProperties properties,
                          @Value("${motcua.notification.email-from:no-reply@localhost}") String emailFrom,
                          PasswordEncoder encoder) {
        this.encoder = encoder;
        this.accounts = accounts;
        this.accountService = accountService;
        this.workplaces = workplaces;
        this.throttle = throttle;
        this.links = links;
        this.sessions = sessions;
        this.audit = audit;
        this.mail = mail;
        this.messages = messages;
        this.publicUrl = properties.publicUrl();
        this.emailFrom = emailFrom;
    }

    /** Whose accounts an administrator manages: the whole province, or the staff of one agency's subtree. */
    public record Scope(boolean province, String agencyCode) {
    }

    /** The administrator's scope; 403 for an agency administrator without a staff record. */
    public Scope scopeOf(CurrentUser admin) {
        if (admin.roles().contains(Role.PROVINCE_ADMIN)) {
            return new Scope(true, null);
        }
        if (admin.roles().contains(Role.AGENCY_ADMIN)) {
            return workplaces.agencyOf(admin.getUsername()).map(code -> new Scope(false, code))
                    .orElseThrow(() -> forbidden("account.invalid.noAgency"));
        }
        throw forbidden("account.invalid.notAdmin");
    }

    /** The roles this administrator may grant, in the order they are shown. */
    public Set<Role> grantable(CurrentUser admin) {
        return RoleGrants.grantableBy(admin.roles());
    }

    public AccountAdminRepository.Found list(CurrentUser admin, String text, Role role, Boolean enabled, int page) {
        Scope scope = scopeOf(admin);
        Collection<String> within = scope.province() ? null : workplaces.staffWithin(scope.agencyCode());
        return accounts.search(new AccountAdminRepository.Search(text, role, enabled, within,
                scope.province() ? null : grantable(admin), scope.province(), Math.max(0, page) * PAGE_SIZE, PAGE_SIZE));
    }

    /** An account the administrator may see; 404 for any other, whether it exists or not. */
    public ManagedAccount visible(CurrentUser admin, String username) {
        Scope scope = scopeOf(admin);
        ManagedAccount account = accounts.find(username == null ? "" : username)
                .orElseThrow(() -> UserFacingException.notFound("account.notFound"));
        // An agency administrator reaches neither applicants nor anyone holding a role they do not administer (a
        // province administrator with a staff record in their agency): disabling one would exceed their own rights.
        boolean seen = scope.province() || !account.applicant() && grantable(admin).containsAll(account.roles())
                && workplaces.worksWithin(username, scope.agencyCode());
        if (!seen) {
            throw UserFacingException.notFound("account.notFound");
        }
        return account;
    }

    /** Creates an official's account; an agency administrator's new official works at the administrator's agency. */
    @Transactional
    public void create(CurrentUser admin, String username, String fullName, String email, String phone,
                       Set<Role> roles, String title) {
        Scope scope = scopeOf(admin);
        String name = checkUsername(username);
        checkDetails(fullName, email, phone);
        if (roles.isEmpty()) {
            throw UserFacingException.badRequest("account.invalid.noRole");
        }
        if (!RoleGrants.allows(admin.roles(), EnumSet.noneOf(Role.class), roles)) {
            throw forbidden("account.invalid.role");
        }
        if (accountService.exists(name)) {
            throw UserFacingException.badRequest("account.invalid.taken", name);
        }
        accountService.createStaffAccount(name, fullName.strip(), blankToNull(email), blankToNull(phone), roles);
        if (!scope.province()) {
            workplaces.placeNewStaff(name, scope.agencyCode(),
                    title == null || title.isBlank() ? "Cán bộ" : title.strip());
        }
        audit.record(AuditAction.ACCOUNT_CREATED, name, name, AuditOutcome.OK,
                roleNames(roles));
    }

    /** Changes an official's name, contacts and roles; applicants' accounts are theirs to edit. */
    @Transactional
    public void update(CurrentUser admin, String username, String fullName, String email, String phone,
                       Set<Role> roles) {
        ManagedAccount account = visible(admin, username);
        if (account.applicant()) {
            throw forbidden("account.invalid.applicant");
        }
        checkDetails(fullName, email, phone);
        if (roles.isEmpty()) {
            throw UserFacingException.badRequest("account.invalid.noRole");
        }
        if (!RoleGrants.allows(admin.roles(), account.roles(), roles)) {
            throw forbidden("account.invalid.role");
        }
        accounts.updateDetails(account.id(), fullName.strip(), blankToNull(email), blankToNull(phone));
        accountService.setRoles(account.username(), roles);
        audit.record(AuditAction.ACCOUNT_CHANGED, account.username(), account.username(),
                AuditOutcome.OK, roleNames(account.roles()) + " → " + roleNames(roles));
    }

    /** Disables or enables an account; disabling ends its sessions and API tokens at once. */
    @Transactional
    public void setEnabled(CurrentUser admin, String username, boolean enabled) {
        ManagedAccount account = visible(admin, username);
        if (!enabled && account.username().equals(admin.getUsername())) {
            throw UserFacingException.badRequest("account.invalid.self");
        }
        accounts.setEnabled(account.id(), enabled);
        if (!enabled) {
            endSessions(account);
        }
        audit.changed(enabled ? AuditAction.ACCOUNT_ENABLED : AuditAction.ACCOUNT_DISABLED, account.username(), null);
    }

    /** Ends every session and API token of an account (it was disabled, or its password changed). */
    void endSessions(ManagedAccount account) {
        accounts.deleteApiTokens(account.id());
        sessions.findByPrincipalName(account.username()).keySet().forEach(sessions::deleteById);
    }

    /** Clears the failed sign-ins counted against the account, so its holder may try again at once. */
    @Transactional
    public void unlock(CurrentUser admin, String username) {
        ManagedAccount account = visible(admin, username);
        int cleared = throttle.unlock(account.username());
        audit.changed(AuditAction.ACCOUNT_UNLOCKED, account.username(), cleared + " counts cleared");
    }

    /** Makes the holder choose a new password at the next sign-in (or no longer). */
    @Transactional
    public void setMustChangePassword(CurrentUser admin, String username, boolean must) {
        ManagedAccount account = visible(admin, username);
        if (account.applicant()) {
            throw forbidden("account.invalid.applicant");
        }
        accounts.setMustChangePassword(account.id(), must);
        audit.changed(AuditAction.ACCOUNT_CHANGED, account.username(),
                must ? "must change password" : "need not change password");
    }

    /**
     * Sets a temporary password that the administrator hands to the official in person, for a province without a mail
     * server yet or an official without an email address. Its holder must choose their own at the first sign-in, and
     * every session of the account ends.
     */
    @Transactional
    public void setTemporaryPassword(CurrentUser admin, String username, String password, String repeat) {
        ManagedAccount account = visible(admin, username);
        if (account.applicant()) {
            throw forbidden("account.invalid.applicant");
        }
        if (account.username().equals(admin.getUsername())) {
            throw UserFacingException.badRequest("account.invalid.selfPassword");
        }
        PasswordRules.check(account.username(), password, repeat);
        accounts.setPassword(account.id(), encoder.encode(password));
        accounts.setMustChangePassword(account.id(), true);
        endSessions(account);
        audit.changed(AuditAction.PASSWORD_CHANGED, account.username(), "temporary password, must change");
    }

    /** Whether password links can be emailed: a mail server is configured ({@code spring.mail.host}). */
    public boolean mailAvailable() {
        return mail.getIfAvailable() != null;
    }

    /** Emails the holder a one-time link (24 hours) to set a password. */
    @Transactional
    public void sendPasswordLink(CurrentUser admin, String username) {
        ManagedAccount account = visible(admin, username);
        if (account.applicant()) {
            throw forbidden("account.invalid.applicant");
        }
        if (account.email() == null || account.email().isBlank()) {
            throw UserFacingException.badRequest("account.invalid.noEmail");
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new UserFacingException(HttpStatus.SERVICE_UNAVAILABLE, "mail_off", "account.invalid.mailOff");
        }
        String token = links.issuePasswordLink(account.id(), admin.getUsername(), PASSWORD_LINK_LIFETIME);
        String link = publicUrl + "/dat-mat-khau?token=" + token;
        Locale vi = Locale.of("vi");
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(emailFrom);
            helper.setTo(account.email());
            helper.setSubject(messages.getMessage("account.link.subject", null, vi));
            helper.setText(messages.getMessage("account.link.body",
                    new Object[]{account.fullName(), account.username(), link, PASSWORD_LINK_LIFETIME.toHours()}, vi));
            sender.send(message);
        } catch (MailException | jakarta.mail.MessagingException e) {
            // The link was stored in this transaction: rolled back with it, so no link exists that nobody received.
            throw new UserFacingException(HttpStatus.BAD_GATEWAY, "mail_failed", "account.invalid.mailFailed");
        }
        audit.changed(AuditAction.PASSWORD_LINK_SENT, account.username(), null);
    }

    /** The username as stored (lower case, trimmed); 400 unless it is 3 to 64 letters, digits, dots, dashes. */
    static String checkUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw UserFacingException.badRequest("account.invalid.username");
        }
        return name;
    }

    static void checkDetails(String fullName, String email, String phone) {
        if (fullName == null || fullName.isBlank() || fullName.length() > 200) {
            throw UserFacingException.badRequest("account.invalid.name");
        }
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
            throw UserFacingException.badRequest("account.invalid.email");
        }
        if (phone != null && !phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
            throw UserFacingException.badRequest("account.invalid.phone");
        }
    }

    static UserFacingException forbidden(String key) {
        return new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", key);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().reduce((a, b) -> a + "," + b).orElse("");
    }
}
