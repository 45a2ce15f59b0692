/**
 * Accounts, roles and permissions, local login with throttling of failed attempts, sessions and API tokens. The
 * security filter chains live here: they deny every request that no module's
 * {@link vn.motcua.platform.security.AccessRules} allows.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = {"platform"})
package vn.motcua.identity;
