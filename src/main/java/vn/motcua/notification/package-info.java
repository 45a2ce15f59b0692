/**
 * Notifications to applicants by email and SMS when something happens to their dossier (received, supplement
 * requested, refused, result ready, apology for a delay). Listeners turn dossier events into delivery rows; a
 * dispatcher sends them and retries failures later, so a failed delivery never blocks or undoes the action behind it.
 * The delivery rows are the log of what was sent to whom, with the SMS gateway's delivery receipts. The texts are
 * templates the province's administrator edits ({@code /quan-tri/mau-thong-bao}) over the jar's defaults.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
        allowedDependencies = {"dossier", "feedback", "identity", "platform"})
package vn.motcua.notification;
