package vn.motcua.assistant;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the assistant says to a question.
 *
 * @param sentences  the answer, sentence by sentence, each with the record it comes from
 * @param procedures the procedures that fit, best first
 * @param followUp   the question that separates procedures that fit about equally, when there is one
 * @param links      where to go next: the procedure page, the online submission, the applicant's dossier
 * @param rephrased  the text is a language model's rewording of the sentences, checked against the records
 * @param text       the answer as one text: the sentences, or the model's rewording of them
 */
public record Answer(List<Sentence> sentences, List<Suggestion> procedures, FollowUp followUp, List<Link> links,
                     boolean rephrased, String text) {

    static Answer of(List<Sentence> sentences, List<Suggestion> procedures, FollowUp followUp, List<Link> links) {
        return new Answer(List.copyOf(sentences), List.copyOf(procedures), followUp, List.copyOf(links), false,
                sentences.stream().map(Sentence::text).collect(Collectors.joining("\n")));
    }

    Answer rephrasedAs(String text) {
        return new Answer(sentences, procedures, followUp, links, true, text);
    }

    /**
     * One sentence of an answer.
     *
     * @param source where it comes from: {@code <procedure code>#<part of the record>} ({@code 1.001193#documents}),
     *               {@code dossier:<code>} for the applicant's dossier, or null for the assistant's own framing
     */
    public record Sentence(String text, String source) {
    }

    public record Suggestion(String code, String name, float score) {
    }

    /** A question to the asker, and the procedures to choose from by answering it. */
    public record FollowUp(String question, List<Choice> choices) {
    }

    public record Choice(String code, String name) {
    }

    public record Link(String label, String href) {
    }
}
