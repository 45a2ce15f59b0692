package vn.motcua.assistant;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.platform.text.DataFiles;

/**
 * What a question asks, besides which procedure: the parts of a procedure it asks about, and whether it is about the
 * asker's own dossiers. The cue phrases are data, in {@code assistant/cues.txt}.
 */
final class QuestionReader {

    /** The parts of a procedure record a question may ask about, in the order an answer gives them by default. */
    enum Aspect { DOCUMENTS, TIME, FEE, PLACE, ONLINE }

    record Reading(List<String> words, Set<Aspect> aspects, boolean ownDossier, String dossierCode) {
    }

    /** A dossier code: receiving agency, day, sequence (000.31.01.H57-261123-0001). */
    private static final Pattern DOSSIER_CODE = Pattern.compile("\\b\\d{3}\\.\\d{2}\\.\\d{2}\\.[a-z]\\d{2}-\\d{6}-\\d{4}\\b",
            Pattern.CASE_INSENSITIVE);

    private final Map<Aspect, List<List<String>>> aspectCues = new EnumMap<>(Aspect.class);
    private final List<List<String>> ownDossierCues = new ArrayList<>();

    QuestionReader() {
        List<List<String>> section = null;
        for (String line : DataFiles.lines("assistant/cues.txt")) {
            if (line.startsWith("[") && line.endsWith("]")) {
                String name = line.substring(1, line.length() - 1);
                if (name.equals("own-dossier")) {
                    section = ownDossierCues;
                } else {
                    section = new ArrayList<>();
                    aspectCues.put(Aspect.valueOf(name.toUpperCase(Locale.ROOT)), section);
                }
            } else if (section == null) {
                throw new IllegalStateException("assistant/cues.txt: a phrase before any [section]: " + line);
            } else {
                section.add(Wording.words(line));
            }
        }
    }

    Reading read(String question) {
        List<String> words = Wording.words(question);
        Set<Aspect> aspects = new LinkedHashSet<>();
        // In the order the question asks them.
        record At(int index, Aspect aspect) {
        }
        List<At> found = new ArrayList<>();
        aspectCues.forEach((aspect, cues) -> cues.stream().mapToInt(cue -> Wording.indexOf(words, cue))
                .filter(i -> i >= 0).min().ifPresent(i -> found.add(new At(i, aspect))));
        found.stream().sorted((a, b) -> Integer.compare(a.index(), b.index())).forEach(a -> aspects.add(a.aspect()));
        Matcher code = DOSSIER_CODE.matcher(question);
        String dossierCode = code.find() ? code.group().toUpperCase(Locale.ROOT) : null;
        boolean own = dossierCode != null || ownDossierCues.stream().anyMatch(cue -> Wording.contains(words, cue));
        return new Reading(words, aspects, own, dossierCode);
    }
}
