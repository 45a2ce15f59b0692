package vn.motcua.support;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.identity.internal.AccountRepository;
import vn.motcua.identity.internal.AccountRepository.NewAccount;

/**
 * Accounts for tests: citizens and officials created once with a known password ({@link TestData#PASSWORD} unless
 * given), and any account found as the {@link CurrentUser} a test signs in as. Every {@link IntegrationTest} context
 * has one ({@code @Autowired Accounts accounts}), so that tests need not reach into the identity module's internals.
 */
public class Accounts {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;

    Accounts(AccountRepository accounts, PasswordEncoder passwords, JdbcClient jdbc) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.jdbc = jdbc;
    }

    /** The account as the signed-in user it would be. */
    public Optional<CurrentUser> findUser(String username) {
        return accounts.findUser(username);
    }

    /** Creates (once) an official with the roles at the agency, password {@link TestData#PASSWORD}. */
    public void official(String username, String agencyCode, Role... roles) {
        if (accounts.exists(username)) {
            return;
        }
        accounts.insert(new NewAccount(username, "Cán bộ " + username, Set.of(roles), null, null, null, null, null,
                null, null), passwords.encode(TestData.PASSWORD), false);
        jdbc.sql("insert into staff (username, agency_code, title) values (?, ?, 'Cán bộ thử nghiệm')")
                .params(username, agencyCode).update();
    }

    /** Creates (once) a citizen account, password {@link TestData#PASSWORD}. */
    public void citizen(String username, String phone) {
        if (!accounts.exists(username)) {
            accounts.insert(new NewAccount(username, "Công dân " + username, Set.of(Role.CITIZEN), username + "@example.vn",
                    phone, "046090009999", null, "Huế", null, null), passwords.encode(TestData.PASSWORD), false);
        }
    }

    /** Population database part: creates (once) a citizen account with an identity to check, password {@link TestData#PASSWORD}. */
    public void resident(String username, String fullName, String idNumber, java.time.LocalDate birthDate) {
        if (!accounts.exists(username)) {
            accounts.insert(new NewAccount(username, fullName, Set.of(Role.CITIZEN), username + "@example.vn",
                    "0912000000", idNumber, birthDate, "Huế", null, null), passwords.encode(TestData.PASSWORD), false);
        }
    }

    /** Creates (once) an account with only a name, the password and the roles: no contact data, no agency. */
    public void bare(String username, String fullName, String password, Role... roles) {
        if (!accounts.exists(username)) {
            accounts.insert(new NewAccount(username, fullName, Set.of(roles), null, null, null, null, null, null, null),
                    passwords.encode(password), false);
        }
    }

    /** Puts an {@link Accounts} bean in each {@link IntegrationTest} context; the same for all, so they stay one. */
    static final class Registration implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            ((BeanDefinitionRegistry) context.getBeanFactory())
                    .registerBeanDefinition("testAccounts", new RootBeanDefinition(Accounts.class));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Registration;
        }

        @Override
        public int hashCode() {
            return Registration.class.hashCode();
        }
    }

    /** Registered on {@link IntegrationTest}. */
    public static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> attributes) {
            return new Registration();
        }
    }
}
