package vn.motcua.identity.demo;

import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

import vn.motcua.identity.demo.TestIdentities.TestIdentity;

/**
 * The pages the test identity provider shows itself, in Vietnamese (as VNeID would be) with the texts of
 * {@code messages.properties}, read without Spring since the provider also runs standalone. Plain HTML forms, no
 * JavaScript, one column that fits a 360 px phone.
 */
final class TestIdentityPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;padding:1rem;max-width:40rem;margin:auto;line-height:1.4}
            .label{background:#fde68a;border:2px solid #b45309;padding:.75rem;font-weight:600}
            .identity{border:1px solid #999;padding:.75rem;margin:1rem 0}
            dl{display:grid;grid-template-columns:8.5rem minmax(0,1fr);gap:.25rem .75rem;margin:.5rem 0}dd{margin:0;overflow-wrap:anywhere}
            button{font-size:1rem;padding:.6rem 1rem;width:100%}h1{font-size:1.5rem}""";

    private final ResourceBundle texts = ResourceBundle.getBundle("messages", java.util.Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    /**
     * The login page. Its form posts back to the same address (the authorization request stays in the query) with
     * only the chosen identity's key: the claims are the provider's, never typed in.
     */
    String login() {
        String identities = TestIdentities.ALL.stream().map(this::identity).collect(Collectors.joining());
        return page(text("testIdp.title"), """
                <p>%s</p>
                <form method="post">%s</form>""".formatted(text("testIdp.choose"), identities));
    }

    String message(String key) {
        return page(text("testIdp.title"), "<p role=\"alert\">" + text(key) + "</p>");
    }

    private String identity(TestIdentity identity) {
        return """
                <div class="identity"><h2>%s</h2><dl>
                <dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>
                <p>%s</p>
                <button type="submit" name="identity" value="%s">%s %s</button></div>""".formatted(
                escape(identity.fullName()),
                text("testIdp.idNumber"), escape(identity.idNumber()),
                text("testIdp.birthDate"), identity.birthDate().format(DAY),
                text("testIdp.phone"), escape(identity.phone()),
                text("testIdp.email"), escape(identity.email()),
                text(identity.hasDemoAccount() ? "testIdp.linked" : "testIdp.new"),
                escape(identity.key()), text("testIdp.signIn"), escape(identity.fullName()));
    }

    private String page(String title, String content) {
        return """
                <!DOCTYPE html>
                <html lang="vi"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s</title><style>%s</style></head>
                <body><main><p class="label">%s</p><h1>%s</h1>%s</main></body></html>""".formatted(
                title, STYLE, text("testIdp.label"), title, content);
    }

    private String text(String key) {
        return escape(texts.getString(key));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
