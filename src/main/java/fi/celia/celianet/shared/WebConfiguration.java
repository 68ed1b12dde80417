package fi.celia.celianet.shared;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.MessageCodesResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CelianetProperties.class)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES =
            List.of(Locale.forLanguageTag("fi"), Locale.forLanguageTag("sv"), Locale.forLanguageTag("en"));

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("CELIANET_LANG");
        resolver.setDefaultLocale(Locale.forLanguageTag("fi"));
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public MessageCodesResolver getMessageCodesResolver() {
        return new FormMessageCodes();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws ServletException {
                String lang = request.getParameter(getParamName());
                if (lang != null
                        && LANGUAGES.stream().noneMatch(l -> l.getLanguage().equals(lang))) {
                    return true;
                }
                return super.preHandle(request, response, handler);
            }
        };
        change.setParamName("lang");
        registry.addInterceptor(change);
    }

    /** Every redirect after a POST answers 303 See Other (Post/Redirect/Get). */
    @Bean
    static BeanPostProcessor seeOtherRedirects() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setRedirectHttp10Compatible(false);
                }
                return bean;
            }
        };
    }
}
