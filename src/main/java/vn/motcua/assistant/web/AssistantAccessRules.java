package vn.motcua.assistant.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import vn.motcua.platform.security.AccessRules;

/**
 * Anyone may ask the assistant. What it says about dossiers depends on who asks: it only ever lists the signed-in
 * applicant's own.
 */
@Configuration(proxyBeanMethods = false)
class AssistantAccessRules {

    @Bean
    AccessRules assistantAccess() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/tro-ly").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/assistant/ask").permitAll();
    }
}
