package vn.motcua.identity.internal.oidc;

import java.net.URI;

/**
 * The demo's labelled test identity provider on loopback, standing in for the national identity (VNeID) when no
 * provider is configured. Only ever a bean in demo mode; a real installation configures
 * {@code motcua.identity.oidc.citizen.issuer-uri}.
 */
public interface TestIdentityProvider {

    /** The issuer (its discovery document is at {@code issuer + "/.well-known/openid-configuration"}). */
    URI issuer();

    String clientId();

    String clientSecret();
}
