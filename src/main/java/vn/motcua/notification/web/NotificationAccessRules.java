package vn.motcua.notification.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/**
 * Who may reach the notification pages. The templates and the whole delivery log are the province administrator's;
 * a dossier's log is under the dossier's pages (its officials, checked per dossier by the dossier module). The SMS
 * gateway's receipts carry no account: they are authenticated by their shared secret in the controller.
 */
@Configuration(proxyBeanMethods = false)
class NotificationAccessRules {

    @Bean
    AccessRules notificationAccess() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, SmsReceiptApi.PATH).permitAll()
                .requestMatchers("/quan-tri/mau-thong-bao", "/quan-tri/mau-thong-bao/**", "/quan-tri/nhat-ky-thong-bao")
                .hasAuthority(Permission.NOTIFICATION_MANAGE.name())
                .requestMatchers(HttpMethod.GET, "/quan-tri/ho-so/*/thong-bao")
                .hasAuthority(Permission.HANDLE_DOSSIER.name());
    }
}
