package fi.celia.celianet.shared;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Where patrons sign in, for pages and mails: {@code ${@patronService.url()}} and
 * {@code ${@patronService.name(#locale)}}. Patrons never sign in to Celianet.
 */
@Component("patronService")
public class PatronServiceLink {

    private final CelianetProperties.PatronService service;

    public PatronServiceLink(CelianetProperties properties) {
        this.service = properties.patronService();
    }

    public String url() {
        return service.url();
    }

    public String name(Locale locale) {
        return service.name(locale);
    }
}
