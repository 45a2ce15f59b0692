/**
 * The virtual assistant (trợ lý ảo): answers a citizen's question about procedures from the catalog records it finds,
 * asks the one question that separates procedures that fit equally, and tells a signed-in applicant where their own
 * dossiers stand. It needs no external service; a language model, when configured, may only rephrase its answer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant",
        allowedDependencies = {"catalog", "dossier", "identity", "organization", "platform"})
package vn.motcua.assistant;
