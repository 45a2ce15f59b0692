package vn.motcua.platform.health;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;

import vn.motcua.platform.security.AccessRules;

/**
 * Who reaches the management endpoints. On the public port, only the two probes a load balancer or an orchestrator
 * needs, {@code /livez} and {@code /readyz} (a status and nothing else). The endpoints themselves are open only on a
 * management port of their own ({@code management.server.port}, bound to loopback unless configured otherwise),
 * where the network, not a password, keeps visitors out; {@link EndpointRequest} matches nothing on the public port
 * then. Should someone set the management port to the public one, the endpoints stay denied instead.
 */
@Configuration(proxyBeanMethods = false)
class ProbeAccessRules {

    @Bean
    static AccessRules probeAccess(Environment environment) {
        boolean ownPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
        return rules -> {
            rules.requestMatchers(HttpMethod.GET, "/livez", "/readyz").permitAll();
            if (ownPort) {
                rules.requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll();
            }
        };
    }
}
