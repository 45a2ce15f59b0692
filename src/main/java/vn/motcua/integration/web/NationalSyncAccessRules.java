package vn.motcua.integration.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/** The status sync's page and its resend buttons are the province administrator's (national connections). */
@Configuration(proxyBeanMethods = false)
class NationalSyncAccessRules {

    @Bean
    AccessRules nationalSyncAccess() {
        return rules -> rules.requestMatchers("/quan-tri/lien-thong/dong-bo", "/quan-tri/lien-thong/dong-bo/**")
                .hasAuthority(Permission.NATIONAL_LAYER_MANAGE.name());
    }
}
