package fi.celia.celianet.credentials;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At least 12 and at most 128 characters (counted as Unicode code points, any script), not one of the shipped list
 * of common passwords, and hard to guess: zxcvbn must rate it at least {@value #MIN_SCORE} of 4 (about 10⁸ guesses or
 * more) when it knows the person's own words (user name, names, e-mail, organisation), the service's words
 * ({@link #SERVICE_WORDS}) and the common list. No composition rules: length and unpredictability do the work.
 *
 * <p>The answer is a message key only; nothing about the password itself is ever returned or logged.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    static final int MIN_SCORE = 3;
    static final int MEASURED_LENGTH = 64;

    /** Words anyone guessing a password here would try first. */
    static final List<String> SERVICE_WORDS =
            List.of("celia", "celianet", "kirjasto", "salasana", "bibliotek", "lösenord");

    private static final String CONTEXT_DICTIONARY = "user_inputs";
    private static final List<String> SEPARATORS = List.of("", ".", "-", "_", " ");

    private final Set<String> common;
    private final Zxcvbn zxcvbn;

    PasswordPolicy() {
        List<String> list = load();
        this.common = Set.copyOf(list);
        try {
            this.zxcvbn = new ZxcvbnBuilder()
                    .dictionaries(StandardDictionaries.loadAllDictionaries())
                    .dictionary(new Dictionary("celianet_common", list))
                    .keyboards(StandardKeyboards.loadAllKeyboards())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message key of the first rule the password breaks, if any, knowing only the service's own words. */
    public Optional<String> problem(String password) {
        return problem(password, List.of());
    }

    /**
     * The message key of the first rule the password breaks, if any.
     *
     * @param personal what the account holder's password must not lean on: the user name, names, e-mail address,
     *     organisation name; nulls and blanks are skipped
     */
    public Optional<String> problem(String password, Collection<String> personal) {
        if (password == null || password.isEmpty()) {
            return Optional.of("credentials.password.error.blank");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("credentials.password.error.short");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("credentials.password.error.long");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))
                || password.codePoints().distinct().count() < 3) {
            return Optional.of("credentials.password.error.common");
        }
        List<String> context = contextWords(personal);
        Strength strength = zxcvbn.measure(estimated(password), context);
        try {
            if (strength.getScore() >= MIN_SCORE) {
                return Optional.empty();
            }
            // Say so when the person's or the service's own words made it guessable, whichever dictionary zxcvbn
            // found them in (the common list holds many of the service's words with digits).
            String lower = password.toLowerCase(Locale.ROOT);
            boolean personalWord =
                    strength.getSequence().stream().anyMatch(match -> CONTEXT_DICTIONARY.equals(match.dictionaryName))
                            || context.stream().anyMatch(word -> word.length() >= 4 && lower.contains(word));
            return Optional.of(
                    personalWord ? "credentials.password.error.personal" : "credentials.password.error.guessable");
        } finally {
            strength.wipe();
        }
    }

    /**
     * The part zxcvbn measures: its first {@value #MEASURED_LENGTH} code points. zxcvbn's time grows steeply with
     * length (about a second for 128 characters of repeats); a password whose start is already hard to guess only
     * gets harder with what follows, and one whose first 64 characters are guessable is better chosen anew.
     */
    private static String estimated(String password) {
        return password.codePointCount(0, password.length()) <= MEASURED_LENGTH
                ? password
                : password.substring(0, password.offsetByCodePoints(0, MEASURED_LENGTH));
    }

    /**
     * The words zxcvbn is told about, lower-cased: each given text whole, its words joined without a separator or
     * with a common one ({@code ainovirtanen}, {@code aino.virtanen}), and word by word (an e-mail address by its
     * local part too), then the service's words.
     */
    static List<String> contextWords(Collection<String> personal) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : personal) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String lower = text.strip().toLowerCase(Locale.ROOT);
            words.add(lower);
            int at = lower.indexOf('@');
            if (at > 0) {
                words.add(lower.substring(0, at));
            }
            String[] parts = lower.split("[^\\p{L}\\p{N}]+");
            for (String separator : SEPARATORS) {
                words.add(String.join(separator, parts));
            }
            for (String part : parts) {
                if (part.length() >= 2) {
                    words.add(part);
                }
            }
        }
        words.remove("");
        words.addAll(SERVICE_WORDS);
        return new ArrayList<>(words);
    }

    private static List<String> load() {
        Set<String> words = new LinkedHashSet<>();
        var resource = new ClassPathResource("credentials/common-passwords.txt");
        try (var reader =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(words);
    }
}
