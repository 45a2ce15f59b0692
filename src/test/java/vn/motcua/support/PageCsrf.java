package vn.motcua.support;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.context.WebApplicationContext;

/**
 * spring-security-test's {@code csrf()} swaps the pages' CSRF token store, in the filter chain all tests share, for
 * a session-based one. A test that looks at cookies and sessions on the wire puts the application's own back first.
 */
public final class PageCsrf {

    private PageCsrf() {
    }

    public static void restore(WebApplicationContext context) {
        MockHttpServletRequest page = new MockHttpServletRequest(context.getServletContext(), "GET", "/dang-nhap");
        WebTestUtils.setCsrfTokenRepository(page, context.getBean("pageCsrfTokens", CsrfTokenRepository.class));
    }
}
