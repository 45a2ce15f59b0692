package vn.motcua.notification.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language of notification templates, small on purpose because administrators write it: {@code {{name}}} puts
 * in a value, {@code {{#name}}...{{/name}}} keeps its text only when the value is there and {@code {{^name}}...
 * {{/name}}} only when it is not. Nothing is evaluated: a name is looked up in the fixed set of its event kind, and
 * an unknown name, a stray brace or an unclosed section is refused when the template is saved.
 */
final class TemplateText {

    private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("[a-zA-Z]+");

    private final List<Part> parts;

    private TemplateText(List<Part> parts) {
        this.parts = parts;
    }

    /**
     * Reads a template.
     *
     * @param allowed the names it may use
     * @throws TemplateProblem naming the first mistake
     */
    static TemplateText parse(String source, Set<String> allowed) {
        List<Part> root = new ArrayList<>();
        Deque<Section> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(source);
        int at = 0;
        while (tag.find()) {
            literal(source.substring(at, tag.start()), open.isEmpty() ? root : open.peek().parts);
            at = tag.end();
            String inside = tag.group(1).strip();
            char sigil = inside.isEmpty() ? ' ' : inside.charAt(0);
            String name = (sigil == '#' || sigil == '^' || sigil == '/') ? inside.substring(1).strip() : inside;
            if (!NAME.matcher(name).matches()) {
                throw new TemplateProblem("notification.template.badTag", tag.group());
            }
            if (!allowed.contains(name)) {
                throw new TemplateProblem("notification.template.unknown", "{{" + name + "}}");
            }
            List<Part> into = open.isEmpty() ? root : open.peek().parts;
            switch (sigil) {
                case '#', '^' -> {
                    Section section = new Section(name, sigil == '^', new ArrayList<>());
                    into.add(section);
                    open.push(section);
                }
                case '/' -> {
                    if (open.isEmpty() || !open.peek().name.equals(name)) {
                        throw new TemplateProblem("notification.template.strayEnd", "{{/" + name + "}}");
                    }
                    open.pop();
                }
                default -> into.add(new Value(name));
            }
        }
        String rest = source.substring(at);
        if (rest.contains("{{") || rest.contains("}}")) {
            throw new TemplateProblem("notification.template.badTag", rest.contains("{{") ? "{{" : "}}");
        }
        literal(rest, open.isEmpty() ? root : open.peek().parts);
        if (!open.isEmpty()) {
            throw new TemplateProblem("notification.template.unclosed", "{{#" + open.peek().name + "}}");
        }
        return new TemplateText(root);
    }

    /** The text with the values put in; a name without a value (null or blank) counts as absent. */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        render(parts, values, out);
        return out.toString();
    }

    private static void render(List<Part> parts, Map<String, String> values, StringBuilder out) {
        for (Part part : parts) {
            switch (part) {
                case Literal literal -> out.append(literal.text);
                case Value value -> {
                    String v = values.get(value.name);
                    out.append(v == null ? "" : v);
                }
                case Section section -> {
                    String v = values.get(section.name);
                    boolean present = v != null && !v.isBlank();
                    if (present != section.inverted) {
                        render(section.parts, values, out);
                    }
                }
            }
        }
    }

    private static void literal(String text, List<Part> into) {
        if (text.contains("{{") || text.contains("}}")) {
            throw new TemplateProblem("notification.template.badTag", text.contains("{{") ? "{{" : "}}");
        }
        if (!text.isEmpty()) {
            into.add(new Literal(text));
        }
    }

    private sealed interface Part permits Literal, Value, Section {
    }

    private record Literal(String text) implements Part {
    }

    private record Value(String name) implements Part {
    }

    private record Section(String name, boolean inverted, List<Part> parts) implements Part {
    }

    /** A mistake in a template, as a message key and its argument (the offending tag). */
    static final class TemplateProblem extends RuntimeException {

        private final String messageKey;
        private final String tag;

        TemplateProblem(String messageKey, String tag) {
            super(messageKey + ": " + tag);
            this.messageKey = messageKey;
            this.tag = tag;
        }

        String messageKey() {
            return messageKey;
        }

        String tag() {
            return tag;
        }
    }
}
