package vn.motcua.notification.internal;

/** What happened to a dossier that the applicant is told about; each has its templates. */
enum EventKind {
    RECEIVED("received"),
    SUPPLEMENT_REQUESTED("supplement-requested"),
    REFUSED("refused"),
    RESULT_READY("result-ready"),
    APOLOGY_ISSUED("apology-issued");

    private final String templateName;

    EventKind(String templateName) {
        this.templateName = templateName;
    }

    /** The templates are {@code notification/<name>-email.txt} and {@code notification/<name>-sms.txt}. */
    String templateName() {
        return templateName;
    }
}
