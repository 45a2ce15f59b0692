package vn.motcua.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.motcua.identity.internal.AccountRepository;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class DemoAccountsTest {

    @Autowired AccountRepository accounts;
    @Autowired PasswordEncoder passwords;

    @Test
    void demoAccountsDisappearWhenDemoModeIsOffAndComeBackWhenItIsOn() throws Exception {
        assertThat(DemoAccounts.USERNAMES).allMatch(accounts::exists);

        new DemoAccounts(accounts, passwords, properties(false)).run(null);
        assertThat(DemoAccounts.USERNAMES).noneMatch(accounts::exists);

        new DemoAccounts(accounts, passwords, properties(true)).run(null);
        assertThat(DemoAccounts.USERNAMES).allMatch(accounts::exists);
    }

    private static MotCuaProperties properties(boolean demo) {
        return new MotCuaProperties(Path.of("data"), "http://localhost:8080", "Huế", new MotCuaProperties.Demo(demo),
                new MotCuaProperties.Database(true, 0),
                new MotCuaProperties.Security(new MotCuaProperties.LoginThrottle(5, 20, Duration.ofSeconds(1),
                        Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(180), 50), Duration.ofHours(1)));
    }
}
