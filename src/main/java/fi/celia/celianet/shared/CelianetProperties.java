package fi.celia.celianet.shared;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's own settings, under {@code celianet.*}. Their defaults are written once, in
 * {@code application.yml}; the scheduled jobs read their timings from the same keys.
 *
 * @param baseUrl the address the links in mail point to, without a trailing slash
 */
@ConfigurationProperties("celianet")
public record CelianetProperties(
        String baseUrl,
        Mail mail,
        Institutions institutions,
        PatronService patronService,
        ServiceChannels serviceChannels,
        Retention retention) {

    public CelianetProperties {
        baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
    }

    /** A link into Celianet: {@code path} starts with a slash. */
    public String link(String path) {
        return baseUrl + path;
    }

    /**
     * @param from         the sender address of every mail
     * @param pollInterval how often the outbox is polled for due mail
     * @param batchSize    how many mails one poll sends, over one SMTP connection
     */
    public record Mail(String from, Duration pollInterval, int batchSize) {}

    /**
     * Where patrons sign in: the library service and its reader apps, never Celianet.
     *
     * @param url  the library service's address
     * @param name its name per language ({@code fi}, {@code sv}, {@code en})
     */
    public record PatronService(String url, Map<String, String> name) {

        /** The name in the given language, Finnish when there is none in it. */
        public String name(Locale locale) {
            String language = locale == null ? "fi" : locale.getLanguage();
            return name.getOrDefault(language, name.get("fi"));
        }
    }

    /**
     * How customer service is reached, named wherever a maintenance window lists the channels open meanwhile
     * (banners, closed-service pages, announcement mails). A blank one is named without an address.
     *
     * @param email its e-mail address
     * @param phone its phone number, as people dial it
     * @param chat  the address of the page where its chat opens
     */
    public record ServiceChannels(String email, String phone, String chat) {}

    /**
     * How long personal data that has served its purpose is kept before the retention job removes it.
     *
     * @param sentMail      a sent mail (recipient, subject, body) counted from when it was sent
     * @param spentTokens   a used, revoked or expired credential token, and a registration form's submission key,
     *     counted from when it stopped working (was written, for a submission key)
     * @param closedPatrons a closed patron, counted from the closing, before the patron's personal data is erased
     * @param batchSize     how many rows one statement removes, each in its own transaction
     */
    public record Retention(Duration sentMail, Duration spentTokens, Duration closedPatrons, int batchSize) {}

    /** @param targetWorkingDays the promise to applicants: a decision within this many working days */
    public record Institutions(int targetWorkingDays) {}
}
