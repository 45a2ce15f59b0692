package vn.motcua.payment.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/**
 * Applicants pay for their own dossiers; reception officers take counter payments and reconcile transfers for their
 * agency's dossiers; any official who may see a dossier reads its receipts. The gateway's callback and the page it
 * sends payers back to are open: their signature is what is checked, and they show no personal data.
 */
@Configuration(proxyBeanMethods = false)
class PaymentAccessRules {

    @Bean
    AccessRules paymentAccess() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/payments/vnpay/ipn", "/thanh-toan/vnpay/ket-qua").permitAll()
                .requestMatchers("/sandbox/vnpay/**").permitAll()
                .requestMatchers("/thanh-toan/**").hasAuthority(Permission.SUBMIT_DOSSIER.name())
                .requestMatchers(HttpMethod.GET, "/quan-tri/thu-phi/*/bien-lai/*").hasAuthority(Permission.HANDLE_DOSSIER.name())
                .requestMatchers("/quan-tri/thu-phi", "/quan-tri/thu-phi/**").hasAuthority(Permission.RECEIVE_DOSSIER.name());
    }
}
