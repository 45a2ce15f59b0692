package vn.motcua.workflow.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;

/** Who may reach the working-day calendar's page: calendar managers only. */
@Configuration(proxyBeanMethods = false)
class CalendarAccessRules {

    @Bean
    AccessRules calendarAccess() {
        return rules -> rules.requestMatchers("/quan-tri/lich-lam-viec", "/quan-tri/lich-lam-viec/**")
                .hasAuthority(Permission.CALENDAR_MANAGE.name());
    }
}
