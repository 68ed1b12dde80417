package fi.celia.celianet.patrons;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Registration form data for tests: a fresh valid identity code every time, and every required field. */
public final class PatronFixtures {

    private PatronFixtures() {}

    /** A valid identity code of an adult, random enough never to meet another test's code. */
    public static String newCode() {
        var random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 70));
        char sign = birth.getYear() >= 2000 ? "ABCDEF".charAt(random.nextInt(6)) : "-YXWVU".charAt(random.nextInt(6));
        return PersonalIdentityCode.of(birth, sign, 2 + random.nextInt(898));
    }

    public static MultiValueMap<String, String> form(String token, String code, String email) {
        var fields = new LinkedMultiValueMap<String, String>();
        fields.add("submissionToken", token);
        fields.add("hetu", code);
        fields.add("firstName", "Aino");
        fields.add(
                "lastName",
                "Testinen-" + Integer.toHexString(ThreadLocalRandom.current().nextInt()));
        fields.add("email", email);
        fields.add("phone", "+358 40 123 4567");
        fields.add("streetAddress", "Kirjastokatu 2 A 5");
        fields.add("postalCode", "00100");
        fields.add("city", "Helsinki");
        fields.add("language", "fi");
        fields.add("channel", "PHONE");
        fields.add("eligibility", "VISUAL");
        fields.add("consent", "true");
        fields.add("services", "ONLINE");
        fields.add("services", "CD_CLUBS");
        fields.add("credentialsTo", "PATRON");
        return fields;
    }
}
