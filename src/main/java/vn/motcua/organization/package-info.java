/**
 * The province's organisation: agencies as a tree of any depth with effective dates and successors, the reception
 * counters of service centres, and where each official works.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization",
        allowedDependencies = {"identity", "platform"})
package vn.motcua.organization;
