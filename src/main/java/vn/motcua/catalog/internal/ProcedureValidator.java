package vn.motcua.catalog.internal;

import static vn.motcua.platform.text.Texts.blank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FieldType;
import vn.motcua.catalog.FormField;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.catalog.RequiredWhen;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;

/** The rules a procedure must meet before it enters the catalog, whether typed in the back office or imported. */
@Component
public class ProcedureValidator {

    static final Pattern CODE = Pattern.compile("\\d\\.\\d{6}");
    static final Pattern FIELD_KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
    static final Set<String> PROFILE_KEYS =
            Set.of("fullName", "idNumber", "dateOfBirth", "phone", "email", "address", "taxCode", "organizationName");

    private final OrganizationService organization;
    private final MessageSource messages;

    ProcedureValidator(OrganizationService organization, MessageSource messages) {
        this.organization = organization;
        this.messages = messages;
    }

    /** Every problem with the procedure, each as a sentence in the given language; empty when it is valid. */
    public List<String> problems(Procedure p, Locale locale) {
        List<String> problems = new ArrayList<>();
        Problems add = (key, args) -> problems.add(messages.getMessage(key, args, key, locale));
        if (blank(p.code()) || !CODE.matcher(p.code()).matches()) {
            add.to("catalog.invalid.code", p.code());
        }
        if (blank(p.name())) {
            add.to("catalog.invalid.name");
        } else if (p.name().length() > 1000) {
            add.to("catalog.invalid.nameLength");
        }
        if (blank(p.field())) {
            add.to("catalog.invalid.field");
        }
        if (p.level() == null) {
            add.to("catalog.invalid.level");
        }
        if (p.onlineLevel() == null) {
            add.to("catalog.invalid.onlineLevel");
        }
        if (blank(p.implementingAgency())) {
            add.to("catalog.invalid.implementingAgency");
        }
        if (p.processingDays() < 0 || p.processingDays() > 365) {
            add.to("catalog.invalid.processingDays", p.processingDays());
        }
        if (blank(p.result())) {
            add.to("catalog.invalid.result");
        }
        if (p.applicantTypes().isEmpty()) {
            add.to("catalog.invalid.applicantTypes");
        }
        var agencies = organization.agenciesByCode();
        for (String code : p.agencies()) {
            Agency agency = agencies.get(code);
            if (agency == null) {
                add.to("catalog.invalid.agency", code);
            }
        }
        if (p.level() == ProcedureLevel.PROVINCE && p.agencies().isEmpty()) {
            add.to("catalog.invalid.provinceAgencies");
        }
        for (Fee fee : p.fees()) {
            if (blank(fee.description()) || fee.amount() < 0) {
                add.to("catalog.invalid.fee", fee.description(), fee.amount());
            }
            if (fee.perCopy() && p.formFields().stream()
                    .noneMatch(f -> f.type() == FieldType.NUMBER && fee.perCopyField().equals(f.key()))) {
                add.to("catalog.invalid.feePerCopyField", fee.description(), fee.perCopyField());
            }
        }
        if (p.documents().isEmpty()) {
            add.to("catalog.invalid.noDocuments");
        }
        for (RequiredDocument d : p.documents()) {
            if (blank(d.name()) || d.originals() < 0 || d.copies() < 0 || d.originals() + d.copies() > 99) {
                add.to("catalog.invalid.document", d.name());
            }
        }
        Set<String> keys = new HashSet<>();
        for (FormField f : p.formFields()) {
            if (f.key() == null || !FIELD_KEY.matcher(f.key()).matches()) {
                add.to("catalog.invalid.fieldKey", f.key());
            } else if (!keys.add(f.key())) {
                add.to("catalog.invalid.fieldKeyDuplicate", f.key());
            }
            if (blank(f.label()) || f.type() == null) {
                add.to("catalog.invalid.formField", f.key());
            }
            if (f.type() == FieldType.SELECT && f.options().isEmpty()) {
                add.to("catalog.invalid.selectOptions", f.key());
            }
            if (f.profile() != null && !PROFILE_KEYS.contains(f.profile())) {
                add.to("catalog.invalid.profileKey", f.key(), f.profile());
            }
            conditionProblems(p, f.label(), f.key(), f.required(), f.requiredWhen(), add);
        }
        for (RequiredDocument d : p.documents()) {
            conditionProblems(p, d.name(), null, d.mandatory(), d.requiredWhen(), add);
        }
        return problems;
    }

    /**
     * A condition must name another field of the form and answers it can have (one of its options, for a choice),
     * and only an optional document or field has one: a required one is required whatever the answers.
     */
    private static void conditionProblems(Procedure p, String what, String ownKey, boolean required, RequiredWhen when,
                                          Problems add) {
        if (when == null) {
            return;
        }
        if (required) {
            add.to("catalog.invalid.conditionOnRequired", what);
        }
        FormField decider = p.formFields().stream().filter(f -> f.key() != null && f.key().equals(when.field()))
                .findFirst().orElse(null);
        if (decider == null || when.field().equals(ownKey)) {
            add.to("catalog.invalid.conditionField", what, when.field());
        } else if (when.values().isEmpty()) {
            add.to("catalog.invalid.conditionValues", what);
        } else if (decider.type() == FieldType.SELECT) {
            when.values().stream().filter(v -> !decider.options().contains(v)).forEach(v ->
                    add.to("catalog.invalid.conditionOption", what, v, decider.label()));
        }
    }

    @FunctionalInterface
    private interface Problems {
        void to(String key, Object... args);
    }
}
