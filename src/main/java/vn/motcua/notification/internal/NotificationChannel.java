package vn.motcua.notification.internal;

/** How an applicant is told. */
enum NotificationChannel {
    EMAIL,
    SMS
}
