package vn.motcua.feedback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of feedback ({@code motcua.feedback.*}).
 *
 * @param linkSecret   the secret the rating links sent by SMS and email are signed with (HMAC-SHA256 of the dossier
 *                     code), at least 32 characters; keep it in the environment. Without it a demo installation makes
 *                     a random one at each start (links from before a restart stop working), and any other installation
 *                     sends no rating link
 * @param petitionDays the deadlines of petitions, in working days (Decision 766/QĐ-TTg's service index)
 */
@ConfigurationProperties("motcua.feedback")
public record FeedbackProperties(String linkSecret, @DefaultValue PetitionDays petitionDays) {

    /**
     * @param answer  from receipt to the answer, not counting the time waiting for the sender
     * @param refuse  from receipt to a refusal to handle it
     * @param ask     from receipt to a request for more information
     * @param publish from the answer to its publication, when the sender consented
     */
    public record PetitionDays(@DefaultValue("15") int answer, @DefaultValue("2") int refuse,
                               @DefaultValue("5") int ask, @DefaultValue("2") int publish) {
    }
}
