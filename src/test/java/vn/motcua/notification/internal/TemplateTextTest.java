package vn.motcua.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TemplateTextTest {

    static final Set<String> NAMES = Set.of("code", "dueAt", "reason");

    @Test
    void placeholdersAreFilledAndSectionsKeptOnlyWhenTheirValueIsThere() {
        TemplateText text = TemplateText.parse(
                "Hồ sơ {{ code }}{{#dueAt}}, hẹn {{dueAt}}{{/dueAt}}.{{^reason}} Không nêu lý do.{{/reason}}", NAMES);
        Map<String, String> values = new HashMap<>(Map.of("code", "H57-1", "dueAt", "16:30 ngày 25/11/2025"));
        assertThat(text.render(values)).isEqualTo("Hồ sơ H57-1, hẹn 16:30 ngày 25/11/2025. Không nêu lý do.");
        values.put("dueAt", " ");
        values.put("reason", "Thiếu giấy tờ");
        assertThat(text.render(values)).isEqualTo("Hồ sơ H57-1.");
    }

    @Test
    void nothingIsEvaluated() {
        // An expression of Thymeleaf or SpEL is plain text here.
        String written = "[(${T(java.lang.Runtime).getRuntime()})] #{code} ${code}";
        assertThat(TemplateText.parse(written, NAMES).render(Map.of("code", "X"))).isEqualTo(written);
    }

    @Test
    void unknownNamesStrayBracesAndUnclosedSectionsAreRefusedWithTheOffendingTag() {
        assertProblem("Hồ sơ {{ma}}", "notification.template.unknown", "{{ma}}");
        assertProblem("Hồ sơ {{code.toString()}}", "notification.template.badTag", "{{code.toString()}}");
        assertProblem("Hồ sơ {{code}", "notification.template.badTag", "{{");
        assertProblem("Hồ sơ code}}", "notification.template.badTag", "}}");
        assertProblem("{{#dueAt}}hẹn", "notification.template.unclosed", "{{#dueAt}}");
        assertProblem("{{#dueAt}}hẹn{{/reason}}", "notification.template.strayEnd", "{{/reason}}");
    }

    private static void assertProblem(String source, String key, String tag) {
        assertThatThrownBy(() -> TemplateText.parse(source, NAMES))
                .isInstanceOfSatisfying(TemplateText.TemplateProblem.class, p -> {
                    assertThat(p.messageKey()).isEqualTo(key);
                    assertThat(p.tag()).isEqualTo(tag);
                });
    }
}
