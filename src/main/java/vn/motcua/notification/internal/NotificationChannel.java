package vn.motcua.notification.internal;

/** How an applicant is told. */
public enum NotificationChannel {
    EMAIL,
    SMS
}
