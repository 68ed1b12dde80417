package fi.celia.celianet.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What the layout needs on every page: the page language and the links of the language switch. */
@ControllerAdvice
class LayoutModel {

    @ModelAttribute("pageLanguage")
    String pageLanguage() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    @ModelAttribute("languageLinks")
    List<LanguageLink> languageLinks(HttpServletRequest request) {
        String current = LocaleContextHolder.getLocale().getLanguage();
        return WebConfiguration.LANGUAGES.stream()
                .map(Locale::getLanguage)
                .map(lang -> new LanguageLink(
                        lang,
                        UriComponentsBuilder.fromPath(request.getRequestURI())
                                .replaceQueryParam("lang", lang)
                                .build()
                                .encode()
                                .toUriString(),
                        lang.equals(current)))
                .toList();
    }

    /** For views rendered outside a handler method's model, such as an exception handler's. */
    void addTo(Model model, HttpServletRequest request) {
        model.addAttribute("pageLanguage", pageLanguage());
        model.addAttribute("languageLinks", languageLinks(request));
    }

    record LanguageLink(String code, String href, boolean current) {}
}
