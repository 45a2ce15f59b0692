/**
 * Shared infrastructure every module stands on: the embedded PostgreSQL used when no external database is
 * configured, the security filter chains (deny by default), the message bundle and locale, error pages and the
 * JSON error shape, and the mechanics written once: the Clock and Vietnam's time zone, text checks, SHA-256 and
 * secret comparison, inline PDF responses. It holds no business capability of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
        allowedDependencies = {}, type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.motcua.platform;
