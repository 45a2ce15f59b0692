/**
 * The catalog of administrative procedures: each procedure's record (documents, fees, time, agencies, online form),
 * search over it, import and export, and the public pages that let a citizen find one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog",
        allowedDependencies = {"identity", "organization", "platform"})
package vn.motcua.catalog;
