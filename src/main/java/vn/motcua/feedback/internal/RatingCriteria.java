package vn.motcua.feedback.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.motcua.feedback.RatingCriterion;
import vn.motcua.platform.text.DataFiles;

/** The criteria of the evaluation form, from {@code feedback/criteria.txt} (key | Vietnamese | English). */
@Component
public class RatingCriteria {

    static final String FILE = "feedback/criteria.txt";

    private final List<RatingCriterion> criteria;

    RatingCriteria() {
        this(DataFiles.lines(FILE));
    }

    RatingCriteria(List<String> lines) {
        List<RatingCriterion> read = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String line : lines) {
            String[] parts = line.split("\\|");
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                throw new IllegalStateException(FILE + ": expected 'key | Vietnamese label | English label': " + line);
            }
            String key = parts[0].strip();
            if (!key.matches("[a-z][a-z0-9_]*") || !keys.add(key)) {
                throw new IllegalStateException(FILE + ": bad or repeated key '" + key + "'");
            }
            read.add(new RatingCriterion(key, parts[1].strip(), parts[2].strip()));
        }
        if (read.isEmpty()) {
            throw new IllegalStateException(FILE + " lists no criterion");
        }
        criteria = List.copyOf(read);
    }

    public List<RatingCriterion> all() {
        return criteria;
    }
}
