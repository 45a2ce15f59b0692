package vn.motcua.notification.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What happened to a dossier that the applicant is told about; each has its templates and its placeholders. */
public enum EventKind {
    RECEIVED("received", "receivedAt", "dueAt"),
    SUPPLEMENT_REQUESTED("supplement-requested", "items", "note"),
    REFUSED("refused", "reason"),
    RESULT_READY("result-ready", "ratingUrl"),
    APOLOGY_ISSUED("apology-issued", "originalDueAt", "newDueAt", "reason");


    private final String templateName;
    private final Set<String> placeholders;
    private final List<String> ordered;

    EventKind(String templateName, String... own) {
        this.templateName = templateName;
        Set<String> names = new LinkedHashSet<>(Common.NAMES);
        names.addAll(List.of(own));
        this.placeholders = Set.copyOf(names);
        this.ordered = List.copyOf(names);
    }

    /** The templates are {@code notification/<name>-email.txt} and {@code notification/<name>-sms.txt}. */
    public String templateName() {
        return templateName;
    }

    /** The names its templates may use, in the order they are explained. */
    public List<String> placeholders() {
        return ordered;
    }

    Set<String> allowed() {
        return placeholders;
    }

    /** The kind whose templates are named so, if any. */
    static Optional<EventKind> ofTemplateName(String name) {
        for (EventKind kind : values()) {
            if (kind.templateName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** What every notice may name: the dossier, its applicant and its tracking link. */
    private static final class Common {
        static final List<String> NAMES = List.of("code", "procedureName", "agencyName", "addressee", "fullName",
                "organizationName", "trackingUrl");
    }
}
