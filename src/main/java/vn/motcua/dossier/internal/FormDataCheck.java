package vn.motcua.dossier.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.FieldType;
import vn.motcua.catalog.FormField;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.RequiredWhen;

/** Checks what an applicant typed into a procedure's online form against the form's fields. */
@Component
public class FormDataCheck {

    private static final Pattern ID_NUMBER = Pattern.compile("\\d{12}");
    private static final Pattern PHONE = Pattern.compile("(\\+84|0)\\d{9,10}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern TAX_CODE = Pattern.compile("\\d{10}(-\\d{3})?");
    private static final int MAX_LENGTH = 2000;

    private final MessageSource messages;

    FormDataCheck(MessageSource messages) {
        this.messages = messages;
    }

    /** Only the procedure's own fields, trimmed, empty ones left out. */
    public Map<String, String> clean(Procedure procedure, Map<String, String> input) {
        Map<String, String> clean = new LinkedHashMap<>();
        for (FormField field : procedure.formFields()) {
            String value = input == null ? null : input.get(field.key());
            if (value != null && !value.isBlank()) {
                clean.put(field.key(), value.strip());
            }
        }
        return clean;
    }

    /** Every problem with the values, as sentences; with {@code complete}, missing required fields count too. */
    public List<String> problems(Procedure procedure, Map<String, String> values, boolean complete, Locale locale) {
        List<String> problems = new ArrayList<>();
        for (FormField field : procedure.formFields()) {
            String value = values.get(field.key());
            if (value == null) {
                if (complete && field.required()) {
                    problems.add(message("dossier.form.required", locale, field.label()));
                } else if (complete && field.requiredFor(values)) {
                    problems.add(conditionMessage("dossier.form.requiredWhen", procedure, field.label(),
                            field.requiredWhen(), locale));
                }
                continue;
            }
            if (value.length() > MAX_LENGTH) {
                problems.add(message("dossier.form.tooLong", locale, field.label()));
                continue;
            }
            if (value.indexOf('\n') >= 0 && field.type() != FieldType.TEXTAREA && field.type() != FieldType.ADDRESS) {
                problems.add(message("dossier.form.oneLine", locale, field.label()));
                continue;
            }
            boolean ok = switch (field.type()) {
                case DATE -> isDate(value);
                case NUMBER -> value.matches("-?\\d+([.,]\\d+)?");
                case ID_NUMBER -> ID_NUMBER.matcher(value).matches();
                case PHONE -> PHONE.matcher(value.replace(" ", "")).matches();
                case EMAIL -> EMAIL.matcher(value).matches();
                case TAX_CODE -> TAX_CODE.matcher(value).matches();
                case SELECT -> field.options().contains(value);
                default -> true;
            };
            if (!ok) {
                problems.add(message("dossier.form.invalid." + field.type().name(), locale, field.label(), value));
            }
        }
        return problems;
    }

    /**
     * What is wrong with a walk-in applicant's particulars as the officer typed them (or an API client sent them):
     * each must fit what the dossier stores (a 12-digit ID number, a phone number, a tax code), so that a wrong value
     * is a message, never a database error.
     */
    public List<String> applicantProblems(vn.motcua.dossier.Applicant applicant, Locale locale) {
        List<String> problems = new ArrayList<>();
        if (applicant == null) {
            return problems;
        }
        if (applicant.idNumber() != null && !ID_NUMBER.matcher(applicant.idNumber().strip()).matches()) {
            problems.add(message("dossier.applicant.invalidIdNumber", locale));
        }
        if (applicant.phone() != null && !PHONE.matcher(applicant.phone().replace(" ", "")).matches()) {
            problems.add(message("dossier.applicant.invalidPhone", locale));
        }
        if (applicant.email() != null && (applicant.email().length() > 254 || !EMAIL.matcher(applicant.email()).matches())) {
            problems.add(message("dossier.applicant.invalidEmail", locale));
        }
        if (applicant.taxCode() != null && !TAX_CODE.matcher(applicant.taxCode().strip()).matches()) {
            problems.add(message("dossier.applicant.invalidTaxCode", locale));
        }
        if (Stream.of(applicant.fullName(), applicant.address(), applicant.organizationName())
                .anyMatch(v -> v != null && v.length() > MAX_LENGTH)) {
            problems.add(message("dossier.applicant.tooLong", locale, MAX_LENGTH));
        }
        if (Stream.of(applicant.fullName(), applicant.idNumber(), applicant.phone(), applicant.email(),
                applicant.organizationName(), applicant.taxCode()).anyMatch(v -> v != null && v.contains("\n"))) {
            problems.add(message("dossier.applicant.oneLine", locale));
        }
        return problems;
    }

    /** "… is missing: it is required when "<the deciding field's label>" is "<value>" or "<value>"". */
    public String conditionMessage(String key, Procedure procedure, String what, RequiredWhen when, Locale locale) {
        return message(key, locale, what, procedure.fieldLabel(when.field()),
                String.join(message("procedure.requiredWhen.or", locale), when.values()));
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
