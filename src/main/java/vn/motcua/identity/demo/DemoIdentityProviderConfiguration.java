package vn.motcua.identity.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the {@link DemoIdentityProvider} in demo mode only, when no citizen identity provider is configured and
 * {@code motcua.identity.oidc.test-provider.enabled} is not false. Outside demo mode it never exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("motcua.demo.enabled")
@ConditionalOnExpression("'${motcua.identity.oidc.citizen.issuer-uri:}'.isBlank()")
class DemoIdentityProviderConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty(name = "motcua.identity.oidc.test-provider.enabled", matchIfMissing = true)
    DemoIdentityProvider demoIdentityProvider() {
        return DemoIdentityProvider.start();
    }
}
