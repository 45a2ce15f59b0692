package vn.motcua.support;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.motcua.platform.security.AccessRules;

/**
 * A page that includes the postal panel exactly as the dossier pages do ({@code test/postal-panel.html}), in the
 * {@link AlternativeIntegrationTest} application only, so that the fragment is tested for any viewer. A test component,
 * so that scanning the application's packages does not pick it up; {@link Peers} registers it there.
 */
@Controller
@TestComponent
class PostalPanelPage {

    @GetMapping("/test/postal/{code}")
    String panel(@PathVariable String code, Model model) {
        model.addAttribute("code", code);
        return "test/postal-panel";
    }

    /** Any signed-in person may open it; the panel itself decides what they see. */
    static final class Access implements AccessRules {

        @Override
        public void declare(
                org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<
                        org.springframework.security.config.annotation.web.builders.HttpSecurity>
                        .AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.GET, "/test/postal/*").authenticated();
        }
    }
}
