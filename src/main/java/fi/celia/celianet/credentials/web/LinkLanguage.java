package fi.celia.celianet.credentials.web;

import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.TokenPurpose;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A link page opens in its account's language: a patron who asked for Swedish gets Swedish pages from a Swedish
 * mail, whatever the browser said before. The language is kept (as the language switch keeps it) for the pages
 * that follow; an explicit choice ({@code ?lang=}) wins, and a link whose account is not known keeps the request's.
 */
@Configuration(proxyBeanMethods = false)
class LinkLanguage implements WebMvcConfigurer {

    private final CredentialTokens tokens;

    LinkLanguage(CredentialTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if ("GET".equals(request.getMethod()) && request.getParameter("lang") == null) {
                            apply(request, response);
                        }
                        return true;
                    }
                })
                .addPathPatterns("/account/activate/*", "/account/reset/*", "/password/set/*");
    }

    private void apply(HttpServletRequest request, HttpServletResponse response) {
        String uri = request.getRequestURI();
        String token = uri.substring(uri.lastIndexOf('/') + 1);
        String language = tokens.view(token, EnumSet.allOf(TokenPurpose.class)).language();
        LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
        if (language != null && resolver != null && language.matches("fi|sv|en")) {
            resolver.setLocale(request, response, Locale.forLanguageTag(language));
        }
    }
}
