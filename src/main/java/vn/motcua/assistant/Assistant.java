package vn.motcua.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.assistant.Answer.Choice;
import vn.motcua.assistant.Answer.FollowUp;
import vn.motcua.assistant.Answer.Link;
import vn.motcua.assistant.Answer.Sentence;
import vn.motcua.assistant.Answer.Suggestion;
import vn.motcua.assistant.QuestionReader.Reading;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.SearchHit;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Permission;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.web.InvalidInputException;
import vn.motcua.platform.web.VietnamTime;

/**
 * Answers a question about procedures from the catalog, or about the asker's own dossiers.
 *
 * <p>A question is matched against the catalog with the catalog's own search (folding, everyday words and
 * abbreviations, typo tolerance). One clear best match is answered from its record alone. When two or three
 * procedures fit about equally, the answer is the one question that separates them, with them as choices. A question
 * about "my dossier" is answered from the signed-in applicant's dossiers. A configured language model may reword a
 * procedure answer; its wording is kept only if it stays within the record.
 */
@Service
public class Assistant {

    public static final int MAX_QUESTION_LENGTH = 500;
    /**
     * Procedures scoring within this of the best one fit "about equally". Search scores run from about 0 to 1: the
     * share of the question a procedure's record covers, blended with BM25.
     */
    static final float CLOSE = 0.04f;
    private static final int SUGGESTIONS = 5;
    private static final int CHOICES = 3;
    private static final int OWN_DOSSIERS_SHOWN = 5;

    private final Actors actors;
    private final CatalogService catalog;
    private final DossierQueries dossiers;
    private final OrganizationService organization;
    private final MessageSource messages;
    private final VietnamTime time;
    private final JsonMapper json;
    private final Optional<LanguageModel> model;
    private final QuestionReader reader = new QuestionReader();
    private final FollowUps followUps = new FollowUps();
    private final RecordAnswers records;

    Assistant(Actors actors, CatalogService catalog, DossierQueries dossiers, OrganizationService organization,
              MessageSource messages, VietnamTime time, JsonMapper json, AssistantProperties properties) {
        this.actors = actors;
        this.catalog = catalog;
        this.dossiers = dossiers;
        this.organization = organization;
        this.messages = messages;
        this.time = time;
        this.json = json;
        this.records = new RecordAnswers(messages);
        this.model = properties.model().enabled() ? Optional.of(new LanguageModel(properties.model(), json))
                : Optional.empty();
    }

    /**
     * The answer to {@code question}.
     *
     * @param choice the code of a procedure the asker chose from a follow-up; null for a new question
     * @param asker  the signed-in person, or null
     * @throws InvalidInputException when the question is empty or too long
     */
    public Answer ask(String question, String choice, CurrentUser asker, Locale locale) {
        if (question == null || question.isBlank()) {
            throw new InvalidInputException(List.of(text(locale, "assistant.invalid.empty")));
        }
        if (question.length() > MAX_QUESTION_LENGTH) {
            throw new InvalidInputException(List.of(text(locale, "assistant.invalid.tooLong", MAX_QUESTION_LENGTH)));
        }
        Reading reading = reader.read(question);
        if (choice != null && !choice.isBlank()) {
            Procedure chosen = catalog.procedure(choice.strip()).orElseThrow(() -> new InvalidInputException(
                    List.of(text(locale, "assistant.invalid.choice", choice.strip()))));
            return procedureAnswer(question, reading, chosen, List.of(new Suggestion(chosen.code(), chosen.name(), 1f)),
                    locale);
        }
        if (reading.ownDossier()) {
            return ownDossiers(question, reading, asker, locale);
        }
        List<SearchHit> hits = catalog.search(question, SUGGESTIONS);
        if (hits.isEmpty()) {
            return Answer.of(List.of(new Sentence(text(locale, "assistant.nothingFound"), null)), List.of(), null,
                    List.of(new Link(text(locale, "assistant.link.browse"), "/thu-tuc")));
        }
        List<Suggestion> suggestions = hits.stream()
                .map(h -> new Suggestion(h.procedure().code(), h.procedure().name(), h.score())).toList();
        List<SearchHit> close = close(hits, reading);
        if (close.size() > 1) {
            return followUp(close, suggestions, locale);
        }
        Procedure best = catalog.procedure(hits.getFirst().procedure().code()).orElseThrow();
        return procedureAnswer(question, reading, best, suggestions, locale);
    }

    private static boolean namedInFull(SearchHit hit, Reading reading) {
        return Wording.contains(reading.words(), Wording.words(hit.procedure().name()));
    }

    /** The procedures that fit about as well as the best, unless the question named the best one in full. */
    private static List<SearchHit> close(List<SearchHit> ranked, Reading reading) {
        SearchHit best = ranked.getFirst();
        if (namedInFull(best, reading)) {
            return List.of(best);
        }
        return ranked.stream().filter(h -> h.score() >= best.score() - CLOSE).limit(CHOICES).toList();
    }

    private Answer followUp(List<SearchHit> close, List<Suggestion> suggestions, Locale locale) {
        List<String> names = close.stream().map(h -> h.procedure().name()).toList();
        String question = followUps.separating(names).orElse(text(locale, "assistant.followUp.which"));
        List<Sentence> sentences = new ArrayList<>();
        sentences.add(new Sentence(text(locale, "assistant.followUp.intro", close.size()), null));
        close.forEach(h -> sentences.add(new Sentence("– " + h.procedure().name(), h.procedure().code() + "#name")));
        sentences.add(new Sentence(question, null));
        List<Choice> choices = close.stream().map(h -> new Choice(h.procedure().code(), h.procedure().name())).toList();
        return Answer.of(sentences, suggestions, new FollowUp(question, choices), List.of());
    }

    private Answer procedureAnswer(String question, Reading reading, Procedure p, List<Suggestion> suggestions,
                                   Locale locale) {
        List<Sentence> sentences = records.about(p, reading.aspects(), organization::agency, locale);
        List<Link> links = new ArrayList<>();
        links.add(new Link(text(locale, "assistant.link.procedure"), "/thu-tuc/" + p.code()));
        if (p.onlineLevel() != OnlineLevel.INFO) {
            links.add(new Link(text(locale, "assistant.link.submit"), "/nop-ho-so/" + p.code()));
        }
        Answer answer = Answer.of(sentences, suggestions, null, links);
        return model.flatMap(m -> reworded(m, question, answer, p)).orElse(answer);
    }

    /** The model's wording of a procedure answer, if it has one that stays within the record. */
    private Optional<Answer> reworded(LanguageModel m, String question, Answer answer, Procedure p) {
        String record = json.writeValueAsString(p);
        return m.reword(question, answer.text(), record)
                .filter(text -> RecordCheck.faithful(text, record + "\n" + answer.text() + "\n" + question))
                .map(answer::rephrasedAs);
    }

    // =================================================================== the asker's own dossiers

    private Answer ownDossiers(String question, Reading reading, CurrentUser asker, Locale locale) {
        if (asker == null) {
            return Answer.of(List.of(new Sentence(text(locale, "assistant.own.signIn"), null)), List.of(), null,
                    List.of(new Link(text(locale, "assistant.link.signIn"), "/dang-nhap"),
                            new Link(text(locale, "assistant.link.track"), "/tra-cuu")));
        }
        if (!asker.has(Permission.SUBMIT_DOSSIER)) {
            return Answer.of(List.of(new Sentence(text(locale, "assistant.own.official"), null)), List.of(), null,
                    List.of(new Link(text(locale, "assistant.link.inbox"), "/quan-tri/ho-so")));
        }
        Actor applicant = actors.of(asker);
        List<DossierSummary> mine = dossiers.mine(applicant).stream().filter(d -> d.status() != DossierStatus.DRAFT)
                .toList();
        if (reading.dossierCode() != null) {
            mine = mine.stream().filter(d -> d.code().equalsIgnoreCase(reading.dossierCode())).toList();
            if (mine.isEmpty()) {
                return Answer.of(List.of(new Sentence(text(locale, "assistant.own.notYours", reading.dossierCode()),
                        null)), List.of(), null, List.of(new Link(text(locale, "assistant.link.mine"), "/ho-so-cua-toi")));
            }
        }
        if (mine.isEmpty()) {
            return Answer.of(List.of(new Sentence(text(locale, "assistant.own.none"), null)), List.of(), null,
                    List.of(new Link(text(locale, "assistant.link.procedures"), "/thu-tuc")));
        }
        List<DossierSummary> shown = relevantFirst(question, mine).stream().limit(OWN_DOSSIERS_SHOWN).toList();
        long pending = mine.stream().filter(d -> DossierStatus.PENDING.contains(d.status())).count();
        List<Sentence> sentences = new ArrayList<>();
        sentences.add(new Sentence(text(locale, "assistant.own.count", mine.size(), pending), null));
        List<Link> links = new ArrayList<>();
        for (DossierSummary d : shown) {
            sentences.add(new Sentence(dossierLine(d, locale), "dossier:" + d.code()));
            links.add(new Link(text(locale, "assistant.link.dossier", d.code()), "/ho-so-cua-toi/" + d.code()));
        }
        if (mine.size() > shown.size()) {
            links.add(new Link(text(locale, "assistant.link.mine"), "/ho-so-cua-toi"));
        }
        return Answer.of(sentences, List.of(), null, links);
    }

    /**
     * Pending dossiers before finished ones, newest first within each (the order they come in); a question that names
     * a procedure ("hồ sơ kết hôn của tôi") puts the dossiers of the procedures it fits before all others.
     */
    private List<DossierSummary> relevantFirst(String question, List<DossierSummary> mine) {
        Set<String> fitting = catalog.search(question, CHOICES).stream().map(h -> h.procedure().code())
                .collect(Collectors.toSet());
        List<DossierSummary> sorted = new ArrayList<>(mine);
        sorted.sort(Comparator.comparing((DossierSummary d) -> !fitting.contains(d.procedureCode()))
                .thenComparing(d -> !DossierStatus.PENDING.contains(d.status())));
        return sorted;
    }

    private String dossierLine(DossierSummary d, Locale locale) {
        String status = text(locale, "status." + d.status().name());
        if (d.status() == DossierStatus.SUPPLEMENT_REQUESTED) {
            return text(locale, "assistant.own.supplement", d.code(), d.procedureName(), status);
        }
        if (DossierStatus.PENDING.contains(d.status()) && d.dueAt() != null) {
            return text(locale, "assistant.own.pending", d.code(), d.procedureName(), status, time.date(d.dueAt()));
        }
        if (d.finishedAt() != null) {
            return text(locale, "assistant.own.finished", d.code(), d.procedureName(), status, time.date(d.finishedAt()));
        }
        return text(locale, "assistant.own.other", d.code(), d.procedureName(), status);
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
