package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.shared.PostalAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * What one printed credential letter says: whom it is posted to, the patron number that is the user name, and the
 * short code that sets the first password. It holds nothing else about the patron (no identity code, nothing about
 * why the patron is entitled to the service).
 *
 * @param language    the patron's language ({@code fi}, {@code sv} or {@code en}; any other reads as Finnish)
 * @param name        the patron's name, as the address shows it
 * @param address     the patron's own postal address (the street may hold several lines)
 * @param patronNumber the patron number, which is also the user name in the library service
 * @param code        the short code as printed, in groups: {@code K7QM-3XPD-WR9A}
 * @param activateUrl the full address that takes the code, the code filled in:
 *     {@code https://celianet.example.fi/activate?code=K7QM3XPDWR9A}; the QR code opens it
 */
public record CredentialLetter(
        Locale language, String name, PostalAddress address, String patronNumber, String code, String activateUrl) {

    public CredentialLetter {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(patronNumber, "patronNumber");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(activateUrl, "activateUrl");
    }

    /** The letter's language: Swedish and English as they are, any other as Finnish. */
    public Locale letterLanguage() {
        String l = language.getLanguage();
        return "sv".equals(l) || "en".equals(l) ? Locale.forLanguageTag(l) : Locale.forLanguageTag("fi");
    }

    /**
     * Where the code is typed in, as a person types it: the address of {@link #activateUrl()} without the scheme and
     * the query, {@code celianet.example.fi/activate}.
     */
    public String activateAddress() {
        return readable(activateUrl);
    }

    /** An address as a person types it: without {@code https://}, the query, or a trailing slash. */
    static String readable(String url) {
        String s = url.strip();
        int query = s.indexOf('?');
        if (query >= 0) {
            s = s.substring(0, query);
        }
        int fragment = s.indexOf('#');
        if (fragment >= 0) {
            s = s.substring(0, fragment);
        }
        s = s.replaceFirst("^(?i)https?://", "");
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
