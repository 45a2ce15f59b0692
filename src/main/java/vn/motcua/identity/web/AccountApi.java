package vn.motcua.identity.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.identity.AccountProfile;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.platform.security.AccessRules;

/** Who the caller is: lets an API client check its token and read the profile it pre-fills forms with. */
@RestController
class AccountApi {

    private final AccountService accounts;

    AccountApi(AccountService accounts) {
        this.accounts = accounts;
    }

    @Bean
    static AccessRules accountAccess() {
        return rules -> rules.requestMatchers("/api/v1/me").authenticated();
    }

    record Me(String username, String fullName, List<Role> roles, AccountProfile profile) {
    }

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal CurrentUser user) {
        return new Me(user.getUsername(), user.fullName(), user.roles().stream().sorted().toList(),
                accounts.profile(user.getUsername()).orElse(null));
    }
}
