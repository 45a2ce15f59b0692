package vn.motcua.assistant;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the assistant ({@code motcua.assistant.*}).
 *
 * @param model an optional language model that rewords answers; off unless its URL is set
 */
@ConfigurationProperties("motcua.assistant")
public record AssistantProperties(@DefaultValue Model model) {

    /**
     * A model behind an OpenAI-compatible HTTP endpoint ({@code POST <url>/chat/completions}). It only ever receives
     * the question and the catalog records the answer is made of, never anything about an applicant or a dossier.
     *
     * @param url     the API base, e.g. {@code http://127.0.0.1:11434/v1}; unset turns the model off
     * @param name    the model to ask for
     * @param apiKey  sent as {@code Authorization: Bearer <key>} when set; keep it in the environment
     * @param timeout for connecting and for the whole answer; on timeout the template answer is given
     */
    public record Model(URI url, @DefaultValue("default") String name, String apiKey,
                        @DefaultValue("4s") Duration timeout) {

        public boolean enabled() {
            return url != null;
        }
    }
}
