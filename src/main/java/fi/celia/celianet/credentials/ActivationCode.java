package fi.celia.celianet.credentials;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The short code on a credentials letter or read out on the phone: {@value #LENGTH} symbols from an alphabet of
 * {@value #ALPHABET_SIZE} without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B, U/V), printed in groups of
 * {@value #GROUP}: {@code K7QMX-3HPDW-RA9CE}. That is 15 × log2(22) ≈ 66.9 random bits. Case, spaces and dashes
 * are ignored when it is typed in.
 */
public final class ActivationCode {

    static final String ALPHABET = "ACDEFHJKMNPQRTWXY34679";
    static final int ALPHABET_SIZE = 22;
    static final int LENGTH = 15;
    static final int GROUP = 5;

    private ActivationCode() {}

    static String generate(SecureRandom random) {
        var code = new StringBuilder(LENGTH + LENGTH / GROUP);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % GROUP == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, upper-cased, without spaces and dashes; empty for null. */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        return typed.replaceAll("[\\s\\-\u2010-\u2015]", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the typed text can be a code at all (length and alphabet), before any look-up. */
    public static boolean plausible(String typed) {
        String code = normalise(typed);
        return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
