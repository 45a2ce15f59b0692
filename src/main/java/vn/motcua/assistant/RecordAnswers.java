package vn.motcua.assistant;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

import vn.motcua.assistant.Answer.Sentence;
import vn.motcua.assistant.QuestionReader.Aspect;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.organization.Agency;

/**
 * The sentences of an answer about one procedure, each made of one part of its catalog record and nothing else: what
 * it is, the documents, the time, the fees, where, and whether it can be done online. The parts the question asked
 * about come first.
 */
final class RecordAnswers {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    RecordAnswers(MessageSource messages) {
        this.messages = messages;
    }

    List<Sentence> about(Procedure p, Set<Aspect> asked, Function<String, Optional<Agency>> agencies, Locale locale) {
        List<Sentence> sentences = new ArrayList<>();
        sentences.add(new Sentence(text(locale, "assistant.procedure.identity", p.name(),
                text(locale, "level." + p.level().name()).toLowerCase(locale), p.field(), p.code()), p.code() + "#name"));
        Map<Aspect, Sentence> parts = new EnumMap<>(Aspect.class);
        parts.put(Aspect.DOCUMENTS, new Sentence(text(locale, "assistant.procedure.documents", documents(p, locale)),
                p.code() + "#documents"));
        parts.put(Aspect.TIME, new Sentence(text(locale, "assistant.procedure.time", time(p, locale)), p.code() + "#time"));
        parts.put(Aspect.FEE, new Sentence(fees(p, locale), p.code() + "#fees"));
        parts.put(Aspect.PLACE, new Sentence(place(p, agencies, locale), p.code() + "#agencies"));
        parts.put(Aspect.ONLINE, new Sentence(text(locale, "assistant.procedure.online." + p.onlineLevel().name()),
                p.code() + "#onlineLevel"));
        Set<Aspect> order = new LinkedHashSet<>(asked);
        order.addAll(List.of(Aspect.values()));
        order.forEach(a -> sentences.add(parts.get(a)));
        if (p.result() != null) {
            sentences.add(new Sentence(text(locale, "assistant.procedure.result", p.result()), p.code() + "#result"));
        }
        return sentences;
    }

    private String documents(Procedure p, Locale locale) {
        return p.documents().stream().map(d -> document(d, locale)).collect(Collectors.joining("; "));
    }

    private String document(RequiredDocument d, Locale locale) {
        List<String> notes = new ArrayList<>();
        if (d.originals() > 0) {
            notes.add(text(locale, "assistant.procedure.originals", d.originals()));
        }
        if (d.copies() > 0) {
            notes.add(text(locale, "assistant.procedure.copies", d.copies()));
        }
        if (!d.mandatory()) {
            notes.add(text(locale, "assistant.procedure.optional"));
        }
        return notes.isEmpty() ? d.name() : d.name() + " (" + String.join(", ", notes) + ")";
    }

    private String time(Procedure p, Locale locale) {
        if (p.processingTime() != null) {
            return p.processingTime();
        }
        return p.processingDays() == 0 ? text(locale, "assistant.procedure.sameDay")
                : text(locale, "assistant.procedure.days", p.processingDays());
    }

    private String fees(Procedure p, Locale locale) {
        String fees = p.free() ? text(locale, "assistant.procedure.free")
                : text(locale, "assistant.procedure.fees", p.fees().stream()
                .map(f -> text(locale, "assistant.procedure.fee", f.description(), amount(f)))
                .collect(Collectors.joining("; ")));
        return p.feeNote() == null ? fees : fees + " " + p.feeNote();
    }

    private static String amount(Fee fee) {
        return String.format(VIETNAMESE, "%,d", fee.amount());
    }

    private String place(Procedure p, Function<String, Optional<Agency>> agencies, Locale locale) {
        List<String> names = p.agencies().stream().map(agencies).flatMap(Optional::stream).map(Agency::name).toList();
        return names.isEmpty() ? text(locale, "assistant.procedure.place", p.implementingAgency())
                : text(locale, "assistant.procedure.placeAgencies", p.implementingAgency(), String.join(", ", names));
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
