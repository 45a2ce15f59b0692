package vn.motcua.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The whole application on a real HTTP port (a free one, which is also its public URL) and a real (embedded,
 * throw-away) PostgreSQL, with demo data, sending email and SMS to the {@link Peers}. Every integration test uses
 * exactly this annotation (or {@link AlternativeIntegrationTest} for the other setup) so that Spring starts the
 * application once for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT) // a free port: see OwnAddress
@ContextCustomizerFactories({OwnAddress.Factory.class, Accounts.Factory.class, Peers.Factory.class})
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface IntegrationTest {
}
