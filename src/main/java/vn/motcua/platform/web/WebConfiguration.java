package vn.motcua.platform.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/** Vietnamese by default, English on request ({@code ?lang=en}, remembered in a cookie); static files cached. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale VIETNAMESE = SupportedLocaleResolver.VIETNAMESE;

    static {
        // Messages produced outside a request (imports in the background, start-up) are Vietnamese too.
        org.springframework.context.i18n.LocaleContextHolder.setDefaultLocale(VIETNAMESE);
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new SupportedLocaleResolver("motcua-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /** Strings in JSON bodies without control characters (see {@link PlainJsonText}). */
    @Bean
    JacksonModule plainJsonText() {
        return new SimpleModule("plain-json-text").addDeserializer(String.class, new PlainJsonText());
    }

    /** A request id in the logs and the response, first of all, so that every later filter's lines carry it. */
    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    /** Line breaks in parameters as LF; after the character encoding filter, before everything else. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> lineBreakNormalisation() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(InputGuard.lineBreaks());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** An upload over the limit answers 413 on the portal's own page; before the security chain, which reads it first. */
    @Bean
    FilterRegistrationBean<OversizedBodies> oversizedBodies() {
        FilterRegistrationBean<OversizedBodies> registration = new FilterRegistrationBean<>(new OversizedBodies());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /**
     * Database outage: a request that fails because the database is out of reach answers 503; outside the
     * session filter (Ordered.HIGHEST_PRECEDENCE + 50), whose sessions live in the database, and the security chain.
     */
    @Bean
    FilterRegistrationBean<DatabaseUnavailablePages> databaseUnavailablePages(ApiErrorWriter api,
                                                                              ITemplateEngine templates,
                                                                              LocaleResolver locales, Site site) {
        FilterRegistrationBean<DatabaseUnavailablePages> registration =
                new FilterRegistrationBean<>(new DatabaseUnavailablePages(api, templates, locales, site));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new InputGuard());
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**", "/js/**", "/img/**")
                .addResourceLocations("classpath:/static/css/", "classpath:/static/js/", "classpath:/static/img/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic());
    }
}
