package vn.motcua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Each test application listens on a free port of its own and knows that address as its public URL
 * ({@code motcua.public-url}), as a real installation does: callbacks and return addresses built from the public
 * URL (the sandbox gateway's IPN, the payer's way back) then reach the application under test.
 */
public final class OwnAddress implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        int port = freePort();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-own-address",
                Map.of("server.port", port, "motcua.public-url", "http://localhost:" + port)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Every context gets one, so it never makes two test classes' contexts differ.
    @Override
    public boolean equals(Object other) {
        return other instanceof OwnAddress;
    }

    @Override
    public int hashCode() {
        return OwnAddress.class.hashCode();
    }

    /** Registered on {@link IntegrationTest}. */
    public static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> attributes) {
            return new OwnAddress();
        }
    }
}
