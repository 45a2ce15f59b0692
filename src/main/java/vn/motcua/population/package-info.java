/**
 * Population database: the applicant's identity checked against the national population database through the
 * province's data-sharing platform (LGSP) when a dossier is submitted online or received at a counter; the verdict
 * kept per dossier and retried while the platform is unreachable; the residence address pre-filled from the
 * register; the documents the state already holds not asked for again; the figures of MDSH6 and MDSH7.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Population",
        allowedDependencies = {"catalog", "dossier", "identity", "platform"})
package vn.motcua.population;
