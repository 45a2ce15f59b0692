package vn.motcua.identity.internal;

import java.time.Duration;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.identity.Role;
import vn.motcua.identity.internal.AccountRepository.NewAccount;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.web.UserFacingException;

/**
 * The first start of a real installation: no demo accounts and no password in any file. When the portal starts
 * outside demo mode and no enabled province administrator exists, it logs once a setup link ({@code /thiet-lap}),
 * valid for an hour or until used, where the first one is created; {@link AdminCreateCommand} is the other way.
 * The link lives in the database, so one link (the latest node's) works for every node.
 */
@Component
public class FirstStart implements ApplicationRunner {

    static final Duration SETUP_LINK_LIFETIME = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final AccountAdminRepository admin;
    private final AccountRepository accounts;
    private final OneTimeLinks links;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final MotCuaProperties properties;

    FirstStart(AccountAdminRepository admin, AccountRepository accounts, OneTimeLinks links, PasswordEncoder encoder,
               AuditTrail audit, MotCuaProperties properties) {
        this.admin = admin;
        this.accounts = accounts;
        this.links = links;
        this.encoder = encoder;
        this.audit = audit;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        // A command of the jar (admin create, files move) is not the portal: it prints no link.
        if (properties.demo().enabled() || !args.getNonOptionArgs().isEmpty() || admin.provinceAdministratorExists()) {
            return;
        }
        log.warn("No province administrator exists yet. Create the first one within {} minutes at {} "
                        + "(or stop the portal and run: java -jar motcua.jar admin create --username=... --name=... "
                        + "--email=...)", SETUP_LINK_LIFETIME.toMinutes(), newSetupLink());
    }

    /** A new setup link, voiding the one before. */
    public String newSetupLink() {
        return properties.publicUrl() + "/thiet-lap?token=" + links.issueSetupLink(SETUP_LINK_LIFETIME);
    }

    /** Whether the setup page is open for this token: it is the live one and no province administrator exists. */
    public boolean open(String token) {
        return links.setupLinkValid(token) && !admin.provinceAdministratorExists();
    }

    /** Creates the first province administrator through the setup link, which is then used up. */
    @Transactional
    public String createFirstAdministrator(String token, String username, String fullName, String email,
                                           String password, String repeat) {
        if (!open(token)) {
            throw UserFacingException.notFound("setup.gone");
        }
        String name = checkNewAdministrator(username, fullName, email, password, repeat);
        if (!links.useSetupLink(token)) {
            throw UserFacingException.notFound("setup.gone"); // another node's request used it first
        }
        createProvinceAdministrator(name, fullName, email, password, "setup link");
        return name;
    }

    /** Checks what a new province administrator is given; the username as stored. */
    String checkNewAdministrator(String username, String fullName, String email, String password, String repeat) {
        String name = AccountAdministration.checkUsername(username);
        AccountAdministration.checkDetails(fullName, email, null);
        if (email == null || email.isBlank()) {
            throw UserFacingException.badRequest("account.invalid.email");
        }
        if (accounts.exists(name)) {
            throw UserFacingException.badRequest("account.invalid.taken", name);
        }
        PasswordRules.check(name, password, repeat);
        return name;
    }

    void createProvinceAdministrator(String username, String fullName, String email, String password, String how) {
        accounts.insert(new NewAccount(username, fullName.strip(), EnumSet.of(Role.PROVINCE_ADMIN), email.strip(), null,
                null, null, null, null, null), encoder.encode(password), false);
        audit.record(AuditAction.FIRST_ADMIN_CREATED, username, username, AuditOutcome.OK, how);
    }
}
