package vn.motcua.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.identity.internal.AccountRepository;
import vn.motcua.identity.internal.AccountRepository.NewAccount;

/** The way into the identity module for other modules. */
@Service
public class AccountService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    /**
     * The hash of a random secret that is thrown away, stored for every account created without a password: nobody can
     * sign in with it, and an import of thousands of officials costs one Argon2 hash instead of one each.
     */
    private volatile String noPassword;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    public Optional<AccountProfile> profile(String username) {
        return accounts.findProfile(username);
    }

    public boolean exists(String username) {
        return accounts.exists(username);
    }

    /** Whether the account exists and may sign in (it was not disabled by an administrator). */
    public boolean isEnabled(String username) {
        return accounts.findUser(username).map(CurrentUser::isEnabled).orElse(false);
    }

    /** The roles of an account; empty for an unknown username. */
    public Set<Role> roles(String username) {
        return accounts.findUser(username).map(CurrentUser::roles).orElse(EnumSet.noneOf(Role.class));
    }

    /**
     * Creates an official's account with the given roles and no usable password: its holder sets one through a
     * one-time link. The caller has checked the roles against {@link RoleGrants}.
     */
    @Transactional
    public void createStaffAccount(String username, String fullName, String email, String phone, Set<Role> roles) {
        accounts.insert(new NewAccount(username, fullName, roles, email, phone, null, null, null, null, null),
                noPassword(), false);
    }

    private String noPassword() {
        if (noPassword == null) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            noPassword = passwordEncoder.encode(Base64.getEncoder().encodeToString(secret));
        }
        return noPassword;
    }

    /** Replaces an account's roles. The caller has checked the change against {@link RoleGrants#allows}. */
    @Transactional
    public void setRoles(String username, Set<Role> roles) {
        accounts.replaceRoles(username, roles);
    }

    /**
     * The applicant account (citizen or business) registered with this identity number, when exactly one is: a
     * certified copy goes into that account's data store.
     */
    public Optional<String> applicantByIdNumber(String idNumber) {
        return idNumber == null || idNumber.isBlank() ? Optional.empty() : accounts.applicantByIdNumber(idNumber.strip());
    }
}
