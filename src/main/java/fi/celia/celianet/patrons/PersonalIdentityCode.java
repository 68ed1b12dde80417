package fi.celia.celianet.patrons;

import fi.celia.celianet.shared.Checked;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Objects;

/**
 * A Finnish personal identity code (henkilötunnus), {@code DDMMYY C NNN Q}.
 * <p>
 * The code is kept exactly as written, only trimmed and upper-cased: the century sign is part of the
 * identity ({@code 010190-123M} and {@code 010190Y123M} are two different people), so it is never
 * normalised. {@link #toString()} gives the masked form so that a code cannot leak into a log line by
 * accident; use {@link #value()} where the full code is really needed.
 * <p>
 * Gender is deliberately not derived from the individual number.
 */
public final class PersonalIdentityCode {

    /** The 31 check characters, indexed by the remainder of {@code DDMMYYNNN} modulo 31. */
    static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private static final String SIGNS_1800 = "+";
    private static final String SIGNS_1900 = "-YXWVU";
    private static final String SIGNS_2000 = "ABCDEF";

    private static final int LENGTH = 11;
    private static final int MASKED_PREFIX = 7;

    /** Why a piece of text is not an acceptable personal identity code, in the order they are checked. */
    public enum Problem {
        /** Nothing was given. */
        BLANK,
        /** Not 11 characters, or digits missing where the code has digits. */
        FORMAT,
        /** The seventh character is not one of the century signs. */
        CENTURY_SIGN,
        /** The date does not exist (for instance 29 February of a year that is not a leap year). */
        DATE,
        /** The check character does not match the nine digits. */
        CHECK_CHARACTER,
        /** Individual numbers 000 and 001 are not issued. */
        INDIVIDUAL_NUMBER,
        /** Individual numbers 900–999 belong to temporary codes, which are refused. */
        TEMPORARY;

        private final String messageKey;

        Problem() {
            this.messageKey = Checked.messageKey("patrons.hetu.error.", this);
        }

        /** Message bundle key, for instance {@code patrons.hetu.error.checkCharacter}. */
        public String messageKey() {
            return messageKey;
        }
    }

    private final String value;
    private final LocalDate birthDate;

    private PersonalIdentityCode(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Checks a code as typed: surrounding white space is ignored and letters may be in either case.
     * Exactly one problem is reported, the first of {@link Problem}'s order; {@link Problem#TEMPORARY}
     * and {@link Problem#INDIVIDUAL_NUMBER} only when everything else is right.
     */
    public static Checked<PersonalIdentityCode, Problem> validate(String input) {
        if (input == null) {
            return Checked.invalid(Problem.BLANK);
        }
        String text = trim(input);
        if (text.isEmpty()) {
            return Checked.invalid(Problem.BLANK);
        }
        text = text.toUpperCase(Locale.ROOT);
        if (text.length() != LENGTH
                || !digits(text, 0, 6)
                || !digits(text, 7, 10)
                || !isAsciiLetterOrDigit(text.charAt(10))) {
            return Checked.invalid(Problem.FORMAT);
        }
        int century = century(text.charAt(6));
        if (century < 0) {
            return Checked.invalid(Problem.CENTURY_SIGN);
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(
                    century + Integer.parseInt(text.substring(4, 6)),
                    Integer.parseInt(text.substring(2, 4)),
                    Integer.parseInt(text.substring(0, 2)));
        } catch (DateTimeException e) {
            return Checked.invalid(Problem.DATE);
        }
        String nineDigits = text.substring(0, 6) + text.substring(7, 10);
        if (text.charAt(10) != checkChar(nineDigits)) {
            return Checked.invalid(Problem.CHECK_CHARACTER);
        }
        int individualNumber = Integer.parseInt(text.substring(7, 10));
        if (individualNumber < 2) {
            return Checked.invalid(Problem.INDIVIDUAL_NUMBER);
        }
        if (individualNumber >= 900) {
            return Checked.invalid(Problem.TEMPORARY);
        }
        return Checked.valid(new PersonalIdentityCode(text, birthDate));
    }

    /**
     * The code in {@code input}; throws {@link IllegalArgumentException} naming the problem (but not the
     * input, which must not end up in logs) when it is not valid.
     */
    public static PersonalIdentityCode parse(String input) {
        Checked<PersonalIdentityCode, Problem> validation = validate(input);
        if (!validation.isValid()) {
            throw new IllegalArgumentException("Not a valid personal identity code: " + validation.problem());
        }
        return validation.value();
    }

    /** The check character for the nine digits {@code DDMMYYNNN}. */
    public static String checkCharacter(String nineDigits) {
        if (nineDigits == null || nineDigits.length() != 9 || !digits(nineDigits, 0, 9)) {
            throw new IllegalArgumentException("Nine digits required");
        }
        return String.valueOf(checkChar(nineDigits));
    }

    /**
     * Builds a well-formed code with the right check character, for tests and data generation. The
     * individual number may be anything from 0 to 999, so codes that {@link #validate(String)} refuses
     * as {@link Problem#INDIVIDUAL_NUMBER} (000, 001) or {@link Problem#TEMPORARY} (900–999) can be built
     * on purpose; with 2–899 the result is valid.
     *
     * @throws IllegalArgumentException when the sign is not a century sign, does not match the century of
     *         {@code birthDate}, or the individual number is outside 0–999
     */
    public static String of(LocalDate birthDate, char centurySign, int individualNumber) {
        Objects.requireNonNull(birthDate, "birthDate");
        int century = century(centurySign);
        if (century < 0) {
            throw new IllegalArgumentException("Not a century sign: " + centurySign);
        }
        if (birthDate.getYear() < century || birthDate.getYear() > century + 99) {
            throw new IllegalArgumentException(
                    "Century sign " + centurySign + " does not match year " + birthDate.getYear());
        }
        if (individualNumber < 0 || individualNumber > 999) {
            throw new IllegalArgumentException("Individual number must be 0-999: " + individualNumber);
        }
        String date = String.format(
                Locale.ROOT,
                "%02d%02d%02d",
                birthDate.getDayOfMonth(),
                birthDate.getMonthValue(),
                birthDate.getYear() % 100);
        String individual = String.format(Locale.ROOT, "%03d", individualNumber);
        return date + centurySign + individual + checkChar(date + individual);
    }

    /** The code as written, trimmed and upper-cased, century sign untouched. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** The date part and century sign followed by four asterisks, for instance {@code 131052-****}. */
    public String masked() {
        return value.substring(0, MASKED_PREFIX) + "****";
    }

    /**
     * Age in whole years on {@code date}. Someone born on 29 February turns a year older on 1 March in
     * years without 29 February ({@link Period} semantics).
     */
    public int ageOn(LocalDate date) {
        return Period.between(birthDate, Objects.requireNonNull(date, "date")).getYears();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof PersonalIdentityCode code && value.equals(code.value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form, never the full code. */
    @Override
    public String toString() {
        return masked();
    }

    private static char checkChar(String nineDigits) {
        return CHECK_CHARACTERS.charAt(Integer.parseInt(nineDigits) % 31);
    }

    /** The first year of the century the sign stands for, or -1 when it is not a century sign. */
    private static int century(char sign) {
        if (SIGNS_1800.indexOf(sign) >= 0) {
            return 1800;
        }
        if (SIGNS_1900.indexOf(sign) >= 0) {
            return 1900;
        }
        if (SIGNS_2000.indexOf(sign) >= 0) {
            return 2000;
        }
        return -1;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    /** Strips white space, including the no-break spaces that copying from documents tends to bring. */
    private static String trim(String input) {
        int start = 0;
        int end = input.length();
        while (start < end && isSpace(input.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(input.charAt(end - 1))) {
            end--;
        }
        return input.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
