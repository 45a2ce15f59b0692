package vn.motcua.wallet.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.motcua.platform.text.DataFiles;
import vn.motcua.platform.text.VietnameseText;

/** Tells the type of a document from its name, by the phrases in {@code wallet/document-types.txt}. */
@Component
public class DocumentTypes {

    public static final String OTHER = "OTHER";

    public record Type(String code, String label) {
    }

    private record Rule(Type type, List<String> phrases) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<String> formPrefixes = new ArrayList<>();

    DocumentTypes() {
        for (String line : DataFiles.lines("wallet/document-types.txt")) {
            if (line.startsWith("!")) {
                for (String prefix : line.substring(1).split(",")) {
                    formPrefixes.add(plain(prefix));
                }
                continue;
            }
            String[] parts = line.split("\\|");
            if (parts.length != 3) {
                throw new IllegalStateException("wallet/document-types.txt: expected 'TYPE | label | phrases': " + line);
            }
            List<String> phrases = new ArrayList<>();
            for (String phrase : parts[2].split(",")) {
                phrases.add(plain(phrase));
            }
            rules.add(new Rule(new Type(parts[0].strip(), parts[1].strip()), phrases));
        }
    }

    /** The type of a document with this name; OTHER (labelled with the name itself) when none fits. */
    public Type of(String documentName) {
        if (documentName == null || documentName.isBlank()) {
            return new Type(OTHER, "Giấy tờ khác");
        }
        String name = plain(documentName);
        boolean form = formPrefixes.stream().anyMatch(p -> name.startsWith(p + " "));
        if (!form) {
            for (Rule rule : rules) {
                if (rule.phrases().stream().anyMatch(p -> (" " + name + " ").contains(" " + p + " "))) {
                    return rule.type();
                }
            }
        }
        return new Type(OTHER, documentName.strip());
    }

    /** Folded, punctuation as spaces: "Giấy khai sinh;" matches "giay khai sinh". */
    private static String plain(String text) {
        return VietnameseText.fold(text).replaceAll("[^a-z0-9]+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
