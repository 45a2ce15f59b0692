package vn.motcua.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.motcua.platform.text.DataFiles;

/**
 * The questions that tell similar procedures apart, from {@code assistant/follow-ups.txt}: each is keyed by words
 * that occur in the name of some of the procedures and not in the others ("lại" separates "Đăng ký lại khai sinh"
 * from "Đăng ký khai sinh").
 */
final class FollowUps {

    private record Rule(List<String> words, String question) {
    }

    private final List<Rule> rules = new ArrayList<>();

    FollowUps() {
        for (String line : DataFiles.lines("assistant/follow-ups.txt")) {
            String[] sides = line.split("=>", 2);
            if (sides.length != 2 || sides[1].isBlank()) {
                throw new IllegalStateException("assistant/follow-ups.txt: expected 'words => question': " + line);
            }
            rules.add(new Rule(Wording.words(sides[0]), sides[1].strip()));
        }
    }

    /** The first question whose words are in some of these procedure names but not in all of them. */
    Optional<String> separating(List<String> names) {
        List<List<String>> words = names.stream().map(Wording::words).toList();
        for (Rule rule : rules) {
            long having = words.stream().filter(name -> Wording.contains(name, rule.words())).count();
            if (having > 0 && having < names.size()) {
                return Optional.of(rule.question());
            }
        }
        return Optional.empty();
    }
}
