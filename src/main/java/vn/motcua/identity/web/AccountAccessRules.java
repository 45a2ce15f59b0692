package vn.motcua.identity.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/**
 * Who may reach the account pages: the setup and password-link pages anyone holding the link (they answer 404
 * without a live one), one's own password page anyone signed in, the accounts administration account managers.
 */
@Configuration(proxyBeanMethods = false)
class AccountAccessRules {

    @Bean
    AccessRules accountPagesAccess() {
        return rules -> rules
                .requestMatchers("/thiet-lap", "/dat-mat-khau").permitAll()
                // national identity sign-in: a pending identity's password confirmation (sends to /dang-nhap without)
                .requestMatchers("/dang-nhap/lien-ket").permitAll()
                .requestMatchers("/doi-mat-khau").authenticated()
                .requestMatchers("/quan-tri/tai-khoan", "/quan-tri/tai-khoan/**")
                .hasAuthority(Permission.ACCOUNT_MANAGE.name());
    }
}
