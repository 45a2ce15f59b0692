package vn.motcua.assistant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled questions: what citizens type, each with the procedure a reasonable official would say it means.
 * {@code catalog/search/phrasings.tsv} (main resources) is the training side: search indexes those questions with
 * their procedures, and the vocabulary and weights were tuned on them, so figures on them show the fit.
 * {@code assistant/questions-holdout.tsv} (test resources) was written separately and is never indexed nor used for
 * tuning: its figures say how the assistant does on questions nobody tuned for. Shared by the evaluation test and
 * {@code bench/}.
 */
public final class EvaluationSet {

    public record Question(String expected, String text) {
    }

    public record Score(int top1Hits, int top3Hits, int total) {
        public double top1() {
            return (double) top1Hits / total;
        }

        public double top3() {
            return (double) top3Hits / total;
        }
    }

    private EvaluationSet() {
    }

    public static final String TRAINING = "catalog/search/phrasings.tsv";
    public static final String HOLDOUT = "assistant/questions-holdout.tsv";

    public static List<Question> load(String resource) {
        InputStream in = EvaluationSet.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the class path");
        }
        List<Question> questions = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                if (parts.length != 2) {
                    throw new IllegalStateException(resource + ": expected 'code<TAB>question': " + line);
                }
                questions.add(new Question(parts[0].strip(), parts[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return questions;
    }

    /** Top-1 and top-3 hits of ranked procedure codes, one list per question. */
    public static Score score(List<Question> questions, List<List<String>> ranked) {
        int top1 = 0, top3 = 0;
        for (int i = 0; i < questions.size(); i++) {
            List<String> codes = ranked.get(i);
            String expected = questions.get(i).expected();
            if (!codes.isEmpty() && codes.getFirst().equals(expected)) {
                top1++;
            }
            if (codes.subList(0, Math.min(3, codes.size())).contains(expected)) {
                top3++;
            }
        }
        return new Score(top1, top3, questions.size());
    }
}
