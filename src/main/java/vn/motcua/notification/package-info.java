/**
 * Notifications to applicants by email and SMS when something happens to their dossier (received, supplement
 * requested, refused, result ready, apology for a delay). Listeners turn dossier events into delivery rows; a
 * dispatcher sends them and retries failures later, so a failed delivery never blocks or undoes the action behind it.
 * The delivery rows are the log of what was sent to whom.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
        allowedDependencies = {"dossier", "feedback", "platform"})
package vn.motcua.notification;
