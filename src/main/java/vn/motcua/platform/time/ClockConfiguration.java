package vn.motcua.platform.time;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of "now". Every class that needs the current time takes this bean instead of asking the system, so
 * a test or the working-day calendar can set the time; {@code HouseRulesTest} allows the system clock only here.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
