package vn.motcua.identity.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.identity.Role;
import vn.motcua.identity.internal.AccountRepository;
import vn.motcua.identity.internal.AccountRepository.NewAccount;
import vn.motcua.platform.MotCuaProperties;

/**
 * Demo mode creates one account per role, all with the password {@value #PASSWORD}. Outside demo mode those
 * accounts are deleted at start-up, so a database that once ran the demo does not keep well-known passwords.
 */
@Component
@Order(20)
public class DemoAccounts implements ApplicationRunner {

    public static final String PASSWORD = "demo123";
    public static final List<String> USERNAMES =
            List.of("citizen", "business", "reception", "specialist", "leader", "agency-admin", "admin");

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final boolean demo;

    DemoAccounts(AccountRepository accounts, PasswordEncoder passwordEncoder, MotCuaProperties properties) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.demo = properties.demo().enabled();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo) {
            int removed = accounts.deleteDemoAccounts();
            if (removed > 0) {
                log.warn("Demo mode is off: removed {} demo accounts", removed);
            }
            return;
        }
        String hash = passwordEncoder.encode(PASSWORD);
        for (NewAccount account : List.of(
                new NewAccount("citizen", "Nguyễn Văn An", Set.of(Role.CITIZEN), "citizen@example.vn", "0912345678",
                        "046090001234", LocalDate.of(1990, 5, 14), "12 Lê Lợi, phường Thuận Hóa, thành phố Huế", null, null),
                new NewAccount("business", "Trần Thị Bình", Set.of(Role.BUSINESS), "business@example.vn", "0905123456",
                        "046185005678", LocalDate.of(1985, 9, 2), "45 Hùng Vương, phường Thuận Hóa, thành phố Huế",
                        "3301234567", "Công ty TNHH Hương Giang Xanh"),
                new NewAccount("reception", "Lê Thị Cúc", Set.of(Role.RECEPTION), "reception@example.vn", "0234383300",
                        null, null, null, null, null),
                new NewAccount("specialist", "Phạm Văn Dũng", Set.of(Role.SPECIALIST), "specialist@example.vn", null,
                        null, null, null, null, null),
                new NewAccount("leader", "Hoàng Minh Đức", Set.of(Role.LEADER), "leader@example.vn", null,
                        null, null, null, null, null),
                new NewAccount("agency-admin", "Võ Thị Giang", Set.of(Role.AGENCY_ADMIN), "agency-admin@example.vn",
                        null, null, null, null, null, null),
                new NewAccount("admin", "Đặng Quốc Huy", Set.of(Role.PROVINCE_ADMIN), "admin@example.vn", null,
                        null, null, null, null, null))) {
            if (!accounts.exists(account.username())) {
                accounts.insert(account, hash, true);
                log.info("Demo account created: {}", account.username());
            }
        }
    }
}
