package vn.motcua.wallet.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/** The data store is the applicant's own: only applicants reach it, and every query is by the signed-in owner. */
@Configuration(proxyBeanMethods = false)
class WalletAccessRules {

    @Bean
    AccessRules walletAccess() {
        return rules -> rules.requestMatchers("/kho-du-lieu", "/kho-du-lieu/**")
                .hasAuthority(Permission.SUBMIT_DOSSIER.name());
    }
}
