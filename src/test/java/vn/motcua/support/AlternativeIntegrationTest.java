package vn.motcua.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application as {@link IntegrationTest} has it, but set up the other way round where one setup cannot show
 * both sides: it books with the postal service and pays through the VNPay gateway protocol against their {@link Peers}
 * (the ordinary one has no postal service and uses the sandbox gateway), and it sends no email or SMS (the ordinary
 * one does). Every test class that needs this setup uses exactly this annotation, so that Spring starts this second
 * application once for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
public @interface AlternativeIntegrationTest {
}
