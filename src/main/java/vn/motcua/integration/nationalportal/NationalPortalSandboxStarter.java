package vn.motcua.integration.nationalportal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Demo mode ({@code motcua.demo.enabled=true}) without a national portal ({@code motcua.national-portal.url} unset,
 * and {@code motcua.national-portal.sandbox} not false): starts the {@link NationalPortalSandbox} on loopback and
 * points the connection at it with a random signing secret, so that every part finds the connection configured.
 * It stops when the application context closes. Never in production, where demo mode is off.
 */
public class NationalPortalSandboxStarter implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("motcua.demo.enabled", Boolean.class, false)
                || environment.containsProperty("motcua.national-portal.url")
                || !environment.getProperty("motcua.national-portal.sandbox", Boolean.class, true)) {
            return;
        }
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        NationalPortalSandbox sandbox;
        try {
            sandbox = NationalPortalSandbox.start(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("The national portal sandbox could not start", e);
        }
        environment.getPropertySources().addLast(new MapPropertySource("national-portal-sandbox", Map.of(
                "motcua.national-portal.url", sandbox.url().toString(),
                "motcua.national-portal.signing-secret", secret,
                NationalPortalSandbox.URL_PROPERTY, sandbox.url().toString())));
        application.addListeners(new Stopper(sandbox));
    }

    /** Stops the sandbox with the context that uses it. */
    private record Stopper(NationalPortalSandbox sandbox) implements ApplicationListener<ApplicationEvent> {

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof ContextClosedEvent) {
                sandbox.close();
            }
        }
    }
}
