/**
 * Feedback from the public: satisfaction ratings of a handled dossier on the national evaluation form's criteria
 * (one per dossier, given online, by the SMS link or on the counter's tablet), and petitions (phản ánh, kiến nghị)
 * about a procedure or a dossier, answered, refused or completed within their deadlines and published on consent.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feedback",
        allowedDependencies = {"catalog", "dossier", "identity", "organization", "platform", "workflow"})
package vn.motcua.feedback;
