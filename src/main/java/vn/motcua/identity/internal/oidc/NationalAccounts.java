package vn.motcua.identity.internal.oidc;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.identity.Workplaces;
import vn.motcua.identity.internal.AccountRepository;
import vn.motcua.identity.internal.AccountRepository.NewAccount;
import vn.motcua.identity.internal.AccountUserDetailsService;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.platform.audit.AuditTrail;

/**
 * The account an identity vouched for by a provider signs in to. A citizen's: the one linked to the provider's
 * subject, else the applicant account with the same personal identification number (never found by email or phone),
 * else a new one. A local account that was never linked is linked only once its password is confirmed
 * ({@link LinkRequired}); a staff account is never linked through the citizen provider. An official's: the enabled
 * account with a staff record whose username the province's provider names.
 */
@Service
public class NationalAccounts {

    static final String NOT_STAFF = "not_staff";
    static final String STAFF_ACCOUNT = "staff_account";
    static final String DISABLED = "account_disabled";
    static final String AMBIGUOUS = "several_accounts";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityLinkRepository links;
    private final AccountRepository accounts;
    private final AccountUserDetailsService users;
    private final Workplaces workplaces;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final NationalSignInProperties.Staff staffSettings;
    private volatile String noPassword;

    NationalAccounts(IdentityLinkRepository links, AccountRepository accounts, AccountUserDetailsService users,
                     Workplaces workplaces, PasswordEncoder passwords, AuditTrail audit, Clock clock,
                     TransactionTemplate transactions, NationalSignInProperties properties) {
        this.links = links;
        this.accounts = accounts;
        this.users = users;
        this.workplaces = workplaces;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.staffSettings = properties.staff();
    }

    /** A provider's identity waiting for the password of the local account it is to be linked to. */
    public record PendingLink(String provider, String subject, String idNumber, String username, String registrationId,
                              String idToken) implements Serializable {
    }

    /** The citizen's account; creates and links it at the first sign-in. */
    CurrentUser citizen(String provider, String subject, CitizenClaims.Identity identity, String idToken) {
        for (int attempt = 0; ; attempt++) {
            try {
                return findOrCreate(provider, subject, identity, idToken);
            } catch (DuplicateKeyException e) {
                if (attempt > 0) {
                    throw e;
                }
                // The same person's first sign-in on two tabs or nodes at once: the other one linked it; find it.
            }
        }
    }

    private CurrentUser findOrCreate(String provider, String subject, CitizenClaims.Identity identity,
                                     String idToken) {
        var linked = links.usernameOf(provider, subject);
        if (linked.isPresent()) {
            CurrentUser user = load(linked.get());
            if (user.isStaff()) {
                // Linked while an applicant, an official since: officials sign in through the province's provider.
                throw refused(STAFF_ACCOUNT);
            }
            return enabled(user);
        }
        List<IdentityLinkRepository.Holder> applicants = links.holdersOf(identity.idNumber()).stream()
                .filter(h -> h.applicant() && !h.staff()).toList();
        if (applicants.size() > 1) {
            throw refused(AMBIGUOUS);
        }
        if (applicants.size() == 1) {
            IdentityLinkRepository.Holder holder = applicants.getFirst();
            if (!holder.linked()) {
                enabled(load(holder.username()));
                throw new LinkRequired(new PendingLink(provider, subject, identity.idNumber(), holder.username(),
                        ProviderRegistrations.CITIZEN, idToken));
            }
            // Already signs in through a national identity (a new subject of the same person): no password to ask.
            CurrentUser user = enabled(load(holder.username()));
            transactions.executeWithoutResult(s -> link(provider, subject, identity.idNumber(), holder.username()));
            return user;
        }
        String username = transactions.execute(s -> create(provider, subject, identity));
        return load(username);
    }

    /** Links a provider's identity to an account and records it. */
    public void link(String provider, String subject, String idNumber, String username) {
        links.link(provider, subject, idNumber, username, clock.instant());
        audit.record(AuditAction.IDENTITY_LINKED, username, username, AuditOutcome.OK,
                provider);
    }

    private String create(String provider, String subject, CitizenClaims.Identity identity) {
        String username = freeUsername(identity.idNumber());
        accounts.insert(new NewAccount(username, identity.fullName(),
                EnumSet.of(identity.business() ? Role.BUSINESS : Role.CITIZEN), identity.email(), identity.phone(),
                identity.idNumber(), identity.birthDate(), null, identity.taxCode(), null), noPassword(), false);
        audit.record(AuditAction.ACCOUNT_CREATED, username, username, AuditOutcome.OK,
                "national identity");
        link(provider, subject, identity.idNumber(), username);
        return username;
    }

    /** The ID number itself, as the national portal's accounts are named, unless a local account has it already. */
    private String freeUsername(String idNumber) {
        String username = idNumber;
        for (int n = 2; accounts.exists(username); n++) {
            username = idNumber + "-" + n;
        }
        return username;
    }

    /** The official's account, by the username the province's provider names (and its group, if required). */
    CurrentUser staff(Map<String, Object> claims) {
        Object name = claims.get(staffSettings.usernameClaim());
        String username = name == null ? "" : name.toString().strip();
        String group = staffSettings.requiredGroup();
        if (username.isEmpty() || group != null && !group.isBlank() && !member(claims.get(staffSettings.groupsClaim()),
                group.strip())) {
            throw refused(NOT_STAFF);
        }
        CurrentUser user;
        try {
            user = load(username);
        } catch (UsernameNotFoundException e) {
            throw refused(NOT_STAFF);
        }
        if (!user.isStaff() || workplaces.agencyOf(user.getUsername()).isEmpty()) {
            throw refused(NOT_STAFF);
        }
        return enabled(user);
    }

    /** Keycloak sends groups as paths ("/motcua") unless its mapper says otherwise: either form matches. */
    private static boolean member(Object groups, String group) {
        Collection<?> all = groups instanceof Collection<?> c ? c : groups == null ? List.of() : List.of(groups);
        return all.stream().map(String::valueOf).anyMatch(g -> g.equals(group) || g.equals("/" + group));
    }

    private CurrentUser load(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    private static CurrentUser enabled(CurrentUser user) {
        if (!user.isEnabled()) {
            throw refused(DISABLED);
        }
        return user;
    }

    static OAuth2AuthenticationException refused(String code) {
        return new OAuth2AuthenticationException(new OAuth2Error(code));
    }

    private String noPassword() {
        if (noPassword == null) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            noPassword = passwords.encode(Base64.getEncoder().encodeToString(secret));
        }
        return noPassword;
    }

    /** Sign-in stops: the local account must confirm its password before it is linked. */
    static final class LinkRequired extends OAuth2AuthenticationException {

        static final String CODE = "link_required";
        private final transient PendingLink pending;

        LinkRequired(PendingLink pending) {
            super(new OAuth2Error(CODE));
            this.pending = pending;
        }

        PendingLink pending() {
            return pending;
        }
    }
}
