package vn.motcua.catalog;

import java.util.List;

/**
 * An administrative procedure (thủ tục hành chính): everything a citizen needs to know before applying, and what the
 * system needs to receive an application. This record is also the catalog's JSON exchange format.
 *
 * @param code               national code, e.g. {@code 1.001193}
 * @param field              name of the field (lĩnh vực)
 * @param implementingAgency the deciding agency as the national database words it ("Ủy ban nhân dân cấp xã")
 * @param agencies           codes of the deciding agencies in this province; none on a commune-level procedure
 *                           means every commune
 * @param processingDays     legal processing time in working days; 0 means the same day
 */
public record Procedure(
        String code,
        String name,
        String field,
        ProcedureLevel level,
        String implementingAgency,
        List<String> agencies,
        OnlineLevel onlineLevel,
        int processingDays,
        String processingTime,
        List<Fee> fees,
        String feeNote,
        List<RequiredDocument> documents,
        List<ApplicantType> applicantTypes,
        String requirements,
        List<String> legalBasis,
        String result,
        String steps,
        List<FormField> formFields) {

    public Procedure {
        code = Text.trim(code);
        name = Text.trim(name);
        field = Text.trim(field);
        implementingAgency = Text.trim(implementingAgency);
        processingTime = Text.trim(processingTime);
        feeNote = Text.trim(feeNote);
        requirements = Text.trim(requirements);
        result = Text.trim(result);
        steps = Text.trim(steps);
        legalBasis = legalBasis == null ? null : legalBasis.stream().map(Text::trim).filter(s -> s != null).toList();
        agencies = copy(agencies);
        fees = copy(fees);
        documents = copy(documents);
        applicantTypes = copy(applicantTypes);
        legalBasis = copy(legalBasis);
        formFields = copy(formFields);
    }

    public boolean free() {
        return fees.stream().allMatch(f -> f.amount() == 0);
    }

    /** The label of the form field with this key (to word a condition), or the key when there is no such field. */
    public String fieldLabel(String key) {
        return formFields.stream().filter(f -> f.key() != null && f.key().equals(key)).map(FormField::label)
                .findFirst().orElse(key);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
