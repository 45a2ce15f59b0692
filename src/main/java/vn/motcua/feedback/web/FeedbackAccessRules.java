package vn.motcua.feedback.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/**
 * Who may reach feedback. Petitions are open to anyone (signed in or not), and so is the rating page behind a signed
 * link: its signature is what is checked. Applicants rate their own dossiers; reception officers open the counter's
 * tablet; officials who handle dossiers handle their agency's petitions. Which dossier or petition a person may touch
 * (their own, or their agency's) is checked by {@code RatingService}, {@code PetitionSenders} and
 * {@code PetitionHandling} on every call.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackAccessRules {

    @Bean
    AccessRules feedbackAccess() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/v1/petitions").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/petitions/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/dossiers/*/rating").hasAuthority(Permission.SUBMIT_DOSSIER.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/dossiers/*/rating").authenticated()
                .requestMatchers("/phan-anh-kien-nghi", "/phan-anh-kien-nghi/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/danh-gia/ho-so/*").hasAuthority(Permission.SUBMIT_DOSSIER.name())
                .requestMatchers("/danh-gia/*").permitAll()
                .requestMatchers("/quan-tri/danh-gia/**").hasAuthority(Permission.RECEIVE_DOSSIER.name())
                .requestMatchers("/quan-tri/phan-anh", "/quan-tri/phan-anh/**")
                .hasAuthority(Permission.HANDLE_DOSSIER.name());
    }
}
